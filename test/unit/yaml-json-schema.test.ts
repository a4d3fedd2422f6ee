import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { desiredJsonSchemaText } from '../../src/desired/yaml/json-schema.ts';

describe('schema/desired.schema.json', () => {
  it('is in sync with the zod schema (run npm run gen:schema)', () => {
    const onDisk = readFileSync(new URL('../../schema/desired.schema.json', import.meta.url), 'utf8');
    expect(onDisk).toBe(desiredJsonSchemaText());
  });

  it('describes the table keys editors should complete', () => {
    const schema = JSON.parse(desiredJsonSchemaText());
    const table = schema.properties.tables.additionalProperties;
    expect(Object.keys(table.properties)).toEqual(expect.arrayContaining(['id', 'timestamps', 'columns', 'indexes', 'rls', 'policies', 'absorbs', 'lintIgnore']));
    expect(table.additionalProperties).toBe(false);
  });
});
