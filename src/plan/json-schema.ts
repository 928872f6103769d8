import * as z from 'zod';
import { planSchema } from './schema.js';

export const SCHEMA_ID = 'https://smplan.dev/schema/plan-v1.json';

/** The editors' JSON Schema, generated from the zod schema (draft-07: what the YAML language server reads best). */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >;
  return { ...schema, $id: SCHEMA_ID };
}
