import { z } from 'zod';
import { defineOperation } from './operation.js';

export interface BulkOperationRunQueryVariables {
  query: string;
}

/**
 * Starts a bulk export (docs/shopify-api.md#bulk-export). groupObjects is left at its 2026-01+ default (false):
 * grouping "slows down bulk operations and increases the likelihood of timeouts" [V: schema description]. Cost: a
 * mutation's 10 + the payload, whatever the size of the export.
 */
export const BulkOperationRunQuery = defineOperation<BulkOperationRunQueryVariables>()({
  name: 'BulkOperationRunQuery',
  // A GraphQL mutation that changes no store data: it starts an export. Counted as a read so the report's
  // "writes" (and --dry-run's promise of none) mean data writes.
  kind: 'read',
  document: `
mutation BulkOperationRunQuery($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status }
    userErrors { code field message }
  }
}`,
  data: z.object({
    bulkOperationRunQuery: z
      .object({
        bulkOperation: z.object({ id: z.string(), status: z.string() }).nullable(),
        userErrors: z.array(
          z.object({ code: z.string().nullable(), field: z.array(z.string()).nullable(), message: z.string() }),
        ),
      })
      .nullable(),
  }),
});
