import { z } from 'zod';
import { defineOperation, type NoVariables } from './operation.js';

/**
 * Lets the CLI warn when the pinned version is no longer supported (docs/shopify-api.md#api-versions). Estimated cost:
 * 1 per version object, about a dozen.
 */
export const PublicApiVersions = defineOperation<NoVariables>()({
  name: 'PublicApiVersions',
  kind: 'read',
  document: `
query PublicApiVersions {
  publicApiVersions { handle supported }
}`,
  data: z.object({ publicApiVersions: z.array(z.object({ handle: z.string(), supported: z.boolean() })) }),
});
