import { getArgumentValues, Kind, OperationTypeNode } from 'graphql';
import type { ShopifyCall } from '../latency.js';
import type { CostInput } from './cost.js';
import { rootFieldNames } from './execute.js';

/** What the latency model needs to know of a request: its kind, root fields and productSet's variant count. */
export function describeCall(input: CostInput): ShopifyCall {
  const kind = input.operation.operation === OperationTypeNode.MUTATION ? 'mutation' : 'query';
  const rootFields = rootFieldNames(input.operation);
  if (kind !== 'mutation' || !rootFields.includes('productSet')) return { kind, rootFields };
  const field = input.schema.getMutationType()?.getFields().productSet;
  let variants = 0;
  for (const selection of input.operation.selectionSet.selections) {
    if (!field || selection.kind !== Kind.FIELD || selection.name.value !== 'productSet') continue;
    const args = getArgumentValues(field, selection, input.variables) as { input?: { variants?: unknown[] } };
    variants += args.input?.variants?.length ?? 0;
  }
  return { kind, rootFields, variants };
}
