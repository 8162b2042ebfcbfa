import type { z } from 'zod';
import type { codedUserErrorSchema, userErrorSchema } from './operations/wire.js';

export interface UserError {
  code?: string;
  field?: string[];
  message: string;
}

type WireUserError = z.infer<typeof codedUserErrorSchema> | z.infer<typeof userErrorSchema>;

/** userErrors are data (docs/house-style.md#8-per-item-failures-are-data): normalised, never thrown, never dropped. */
export function toUserErrors(errors: readonly WireUserError[]): UserError[] {
  return errors.map((error) => {
    const out: UserError = { message: error.message };
    if ('code' in error && error.code) out.code = error.code;
    if (error.field) out.field = error.field;
    return out;
  });
}
