/**
 * The documents of a bulk import (docs/shopify-api.md#bulk-mutations): stage a file, start the operation, find it
 * again. Polling reuses BulkOperationPoll (bulkOperation(id:)); the result file is a plain GET of its signed URL.
 */
import { z } from 'zod';
import { defineOperation } from './operation.js';
import type { ProductSetVariables } from './product-set.js';
import { codedUserErrorSchema, userErrorSchema } from './wire.js';

/**
 * The mutation each JSONL line runs: one line's variables are `{identifier, input}` of ProductSet.
 * `product { id handle }` is our key back: an update's id and a create's handle are in the line's own variables, so
 * a result line is matched without relying on line order (docs/shopify-api.md#bulk-mutations). productSet runs
 * synchronously inside a bulk operation [V: schema 2026-10 productSet description].
 */
export const BulkProductSet = defineOperation<ProductSetVariables>()({
  name: 'BulkProductSet',
  kind: 'write',
  document: `
mutation BulkProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
  productSet(identifier: $identifier, input: $input, synchronous: true) {
    product { id handle }
    userErrors { code field message }
  }
}`,
  data: z.object({
    productSet: z
      .object({
        product: z.object({ id: z.string(), handle: z.string() }).nullable(),
        userErrors: z.array(codedUserErrorSchema),
      })
      .nullable(),
  }),
});

export interface StagedUploadsCreateVariables {
  input: Array<{
    resource: 'BULK_MUTATION_VARIABLES';
    filename: string;
    mimeType: string;
    httpMethod: 'POST';
    fileSize?: string;
  }>;
}

/**
 * A staged upload target for one JSONL file (resource BULK_MUTATION_VARIABLES, POST: a multipart form whose
 * `parameters` come first and the file last). The `key` parameter is the `stagedUploadPath` bulkOperationRunMutation
 * takes [V: shopify.dev bulk imports guide]. A GraphQL mutation that changes no store data: counted as a read.
 */
export const StagedUploadsCreate = defineOperation<StagedUploadsCreateVariables>()({
  name: 'StagedUploadsCreate',
  kind: 'read',
  document: `
mutation StagedUploadsCreate($input: [StagedUploadInput!]!) {
  stagedUploadsCreate(input: $input) {
    stagedTargets { url resourceUrl parameters { name value } }
    userErrors { field message }
  }
}`,
  data: z.object({
    stagedUploadsCreate: z
      .object({
        stagedTargets: z
          .array(
            z.object({
              url: z.string().nullable(),
              resourceUrl: z.string().nullable(),
              parameters: z.array(z.object({ name: z.string(), value: z.string() })),
            }),
          )
          .nullable(),
        userErrors: z.array(userErrorSchema),
      })
      .nullable(),
  }),
});

export interface BulkOperationRunMutationVariables {
  mutation: string;
  stagedUploadPath: string;
  clientIdentifier: string;
}

/**
 * Starts the import. `clientIdentifier` is our run id and shard (10–255 characters from 2027-01 [V: 2027-01
 * BulkMutationUserError docs]; 2026-10 accepts it but has no field or filter to read it back [V: schema 2026-10], so
 * the same text also rides in the mutation as a comment, which `BulkOperation.query` returns [I]). groupObjects is left
 * out: deprecated in 2026-01. Starting a bulk operation is not charged beyond this small request
 * [V: bulk imports guide].
 */
export const BulkOperationRunMutation = defineOperation<BulkOperationRunMutationVariables>()({
  name: 'BulkOperationRunMutation',
  kind: 'write',
  document: `
mutation BulkOperationRunMutation($mutation: String!, $stagedUploadPath: String!, $clientIdentifier: String) {
  bulkOperationRunMutation(
    mutation: $mutation
    stagedUploadPath: $stagedUploadPath
    clientIdentifier: $clientIdentifier
  ) {
    bulkOperation { id status }
    userErrors { code field message }
  }
}`,
  data: z.object({
    bulkOperationRunMutation: z
      .object({
        bulkOperation: z.object({ id: z.string(), status: z.string() }).nullable(),
        userErrors: z.array(
          z.object({ code: z.string().nullable(), field: z.array(z.string()).nullable(), message: z.string() }),
        ),
      })
      .nullable(),
  }),
});

export interface BulkMutationsSinceVariables {
  query: string;
  first: number;
}

/**
 * This app's bulk mutations created since a moment, newest first, with their documents: how a run whose answer to
 * bulkOperationRunMutation was lost finds the operation it started (the marker comment in `query`).
 */
export const BulkMutationsSince = defineOperation<BulkMutationsSinceVariables>()({
  name: 'BulkMutationsSince',
  kind: 'read',
  document: `
query BulkMutationsSince($query: String!, $first: Int!) {
  bulkOperations(first: $first, query: $query) {
    nodes { id status query createdAt }
  }
}`,
  data: z.object({
    bulkOperations: z.object({
      nodes: z.array(z.object({ id: z.string(), status: z.string(), query: z.string(), createdAt: z.string() })),
    }),
  }),
});
