import { desiredJsonSchema } from './schema.ts';

/** The exact text of schema/desired.schema.json; the sync test compares against it. */
export function desiredJsonSchemaText(): string {
  return `${JSON.stringify(desiredJsonSchema(), null, 2)}\n`;
}
