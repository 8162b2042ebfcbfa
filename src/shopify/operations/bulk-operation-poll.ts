import { z } from 'zod';
import { defineOperation } from './operation.js';

export interface BulkOperationPollVariables {
  id: string;
}

/**
 * The state of one bulk operation (`bulkOperation(id:)`, 2026-01+; `currentBulkOperation` is deprecated,
 * docs/shopify-api.md#bulk-export). Counts and sizes are UnsignedInt64 strings (docs/shopify-api.md#pitfalls).
 * Estimated cost: 1.
 */
export const BulkOperationPoll = defineOperation<BulkOperationPollVariables>()({
  name: 'BulkOperationPoll',
  kind: 'read',
  document: `
query BulkOperationPoll($id: ID!) {
  bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl }
}`,
  data: z.object({
    bulkOperation: z
      .object({
        id: z.string(),
        // Enums decoded leniently (docs/shopify-api.md#pitfalls): an unknown status is treated as still
        // running.
        status: z.string(),
        errorCode: z.string().nullable(),
        objectCount: z.string(),
        rootObjectCount: z.string(),
        fileSize: z.string().nullable(),
        url: z.string().nullable(),
        partialDataUrl: z.string().nullable(),
      })
      .nullable(),
  }),
});

export type WireBulkOperation = NonNullable<z.infer<(typeof BulkOperationPoll)['data']>['bulkOperation']>;
