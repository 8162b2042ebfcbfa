import { gid } from '../gid.js';
import type { BulkOperationRecord } from './operations.js';

/** Statuses of an operation that still counts against the concurrent limit (docs/shopify-api.md#bulk-mutations). */
export const IN_PROGRESS: ReadonlyArray<BulkOperationRecord['status']> = ['CREATED', 'RUNNING', 'CANCELING'];

/** A just-created operation of either type, as `bulkOperation(id)` shows it before it runs. */
export function newBulkOperationRecord(
  legacyId: number,
  type: BulkOperationRecord['type'],
  query: string,
  createdAt: string,
): BulkOperationRecord {
  return {
    __typename: 'BulkOperation',
    id: gid('BulkOperation', legacyId),
    legacyId,
    type,
    status: 'CREATED',
    errorCode: null,
    query,
    createdAt,
    completedAt: null,
    objectCount: '0',
    rootObjectCount: '0',
    fileSize: null,
    url: null,
    partialDataUrl: null,
  };
}
