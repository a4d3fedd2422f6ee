import { Ajv } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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

describe('the JSON Schema agrees with the compiler on real files', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(desiredJsonSchemaText()));
  const root = fileURLToPath(new URL('../../', import.meta.url));

  it('accepts every desired/*.yaml file and the docs example', () => {
    const texts = readdirSync(join(root, 'desired'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(root, 'desired', f), 'utf8'));
    const doc = readFileSync(join(root, 'docs/yaml.md'), 'utf8');
    texts.push(/<!-- complete-example -->\n```yaml\n([\s\S]*?)```/.exec(doc)![1]!);
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) {
      expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects what the compiler rejects: unknown keys, wrong types, reasonless suppressions', () => {
    expect(validate(parse('tables:\n  t:\n    id: uuid\n    colums: {}\n'))).toBe(false);
    expect(validate(parse('tables:\n  t:\n    timestamps: "yes"\n'))).toBe(false);
    expect(validate(parse('tables:\n  t:\n    lintIgnore: { some-rule: "" }\n'))).toBe(false);
    expect(validate(parse('tables:\n  t:\n    id: uuid\n'))).toBe(true);
  });
});
