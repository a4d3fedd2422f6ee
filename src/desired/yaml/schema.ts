import { z } from 'zod';

/**
 * The YAML desired-state format, as one zod schema. It validates files and generates
 * schema/desired.schema.json (scripts/gen-json-schema.ts), so editors and the compiler agree on one truth.
 * Cross-field rules (exactly one of column/expression, references to columns, …) live in resolve.ts where
 * they can point at the offending node.
 */

const name = z.string().min(1).max(63);
const qualifiedName = z.string().min(1).describe('[schema.]name; unqualified names use the file\'s `schema` (default public)');
const sqlExpr = z.string().min(1).describe('SQL expression, copied verbatim');
const comment = z.string().describe('COMMENT ON …');
const renamedFrom = name.describe('previous name: the plan renames instead of dropping and creating');

const lintIgnore = z
  .record(
    z.string().regex(/^[a-z0-9-]+$/, { error: 'a lint rule name is kebab-case, e.g. fk-without-index' }),
    z.string({ error: 'a suppression needs a reason: `rule-name: why this is fine`' }).min(1, {
      error: 'a suppression needs a reason: `rule-name: why this is fine`',
    }),
  )
  .describe('lint rules to silence for this object, each with the reason');

const fkAction = z.enum(['cascade', 'restrict', 'set null', 'set default', 'no action']);

export const columnObjectSchema = z.strictObject({
  type: z.string().min(1).describe('SQL type, e.g. text, uuid, numeric(10,2), text[]; an enum name from `enums`'),
  nullable: z.boolean().optional().describe('columns are NOT NULL unless nullable: true'),
  default: z.union([sqlExpr, z.number(), z.boolean()]).optional(),
  identity: z.enum(['always', 'byDefault']).optional().describe('GENERATED ALWAYS | BY DEFAULT AS IDENTITY'),
  generated: sqlExpr.optional().describe('GENERATED ALWAYS AS (expression) STORED'),
  primaryKey: z.boolean().optional(),
  unique: z.boolean().optional(),
  check: sqlExpr.optional(),
  references: z.string().min(1).optional().describe('[schema.]table[.column], e.g. users.id'),
  onDelete: fkAction.optional(),
  onUpdate: fkAction.optional(),
  comment: comment.optional(),
  renamedFrom: renamedFrom.optional(),
  lintIgnore: lintIgnore.optional(),
});

/** `email: text` (NOT NULL), `bio: text?` (nullable), or the full object. */
const columnSchema = z.union([z.string().min(1), columnObjectSchema]);

const indexElementSchema = z.union([
  name.describe('column name'),
  z.strictObject({
    column: name.optional(),
    expression: sqlExpr.optional(),
    order: z.enum(['asc', 'desc']).optional(),
    nulls: z.enum(['first', 'last']).optional(),
    opclass: z.string().min(1).optional(),
  }),
]);

export const indexObjectSchema = z.strictObject({
  name: name.optional().describe('default: <table>_<columns>_idx; required for expression indexes'),
  columns: z.array(indexElementSchema).min(1),
  unique: z.boolean().optional(),
  method: z.enum(['btree', 'hash', 'gist', 'gin', 'spgist', 'brin']).optional(),
  where: sqlExpr.optional().describe('partial index predicate'),
  include: z.array(name).min(1).optional(),
  nullsNotDistinct: z.boolean().optional(),
  comment: comment.optional(),
});

/** `[userId, workflowId]` or the full object. */
const indexSchema = z.union([z.array(name).min(1), indexObjectSchema]);

const uniqueSchema = z.union([
  z.array(name).min(1),
  z.strictObject({ name: name.optional(), columns: z.array(name).min(1), nullsNotDistinct: z.boolean().optional() }),
]);

const foreignKeySchema = z.strictObject({
  name: name.optional(),
  columns: z.array(name).min(1),
  references: z.strictObject({ table: qualifiedName, columns: z.array(name).min(1).optional() }),
  onDelete: fkAction.optional(),
  onUpdate: fkAction.optional(),
});

export const policySchema = z.strictObject({
  command: z.enum(['all', 'select', 'insert', 'update', 'delete']).optional().describe('default: all'),
  roles: z.array(name).min(1).optional().describe('default: public'),
  using: sqlExpr.optional(),
  withCheck: sqlExpr.optional(),
  as: z.enum(['permissive', 'restrictive']).optional().describe('default: permissive'),
  comment: comment.optional(),
});

export const absorbSchema = z
  .strictObject({
    from: qualifiedName.describe('the old table whose rows move into this one'),
    columns: z
      .record(name, sqlExpr)
      .describe('target column → SQL expression over the old row, e.g. userId: user_id, createdAt: ts'),
    where: sqlExpr.optional().describe('copy only the old rows matching this predicate'),
  })
  .describe('a data-preserving consolidation: rows of `from` are copied before `from` is dropped');

export const tableSchema = z.strictObject({
  id: z.enum(['uuid', 'bigint']).optional().describe('uuid: id uuid PRIMARY KEY DEFAULT gen_random_uuid(); bigint: identity'),
  timestamps: z.boolean().optional().describe('"createdAt"/"updatedAt" timestamptz NOT NULL DEFAULT now() + updatedAt trigger'),
  columns: z.record(name, columnSchema).optional(),
  primaryKey: z.array(name).min(1).optional(),
  unique: z.array(uniqueSchema).optional(),
  checks: z.record(name, sqlExpr).optional().describe('constraint name → boolean SQL expression'),
  foreignKeys: z.array(foreignKeySchema).optional(),
  indexes: z.array(indexSchema).optional(),
  rls: z.enum(['enabled', 'forced']).optional(),
  policies: z.record(name, policySchema).optional(),
  comment: comment.optional(),
  renamedFrom: renamedFrom.optional(),
  lintIgnore: lintIgnore.optional(),
  absorbs: z.array(absorbSchema).optional(),
});

const enumSchema = z.union([
  z.array(z.string().min(1)).min(1),
  z.strictObject({ values: z.array(z.string().min(1)).min(1), comment: comment.optional() }),
]);

export const desiredFileSchema = z
  .strictObject({
    schema: name.optional().describe('schema of unqualified names in this file (default public)'),
    schemas: z.array(z.union([name, z.strictObject({ name, comment: comment.optional() })])).optional(),
    extensions: z.array(z.union([name, z.strictObject({ name, schema: name.optional() })])).optional(),
    enums: z.record(qualifiedName, enumSchema).optional(),
    tables: z.record(qualifiedName, tableSchema).optional(),
  })
  .describe('schemaplan desired state (YAML)');

export type DesiredFile = z.infer<typeof desiredFileSchema>;
export type TableSpec = z.infer<typeof tableSchema>;
export type ColumnSpec = z.infer<typeof columnSchema>;
export type IndexSpec = z.infer<typeof indexSchema>;
export type PolicySpec = z.infer<typeof policySchema>;
export type AbsorbSpec = z.infer<typeof absorbSchema>;

/** The JSON Schema editors read (yaml-language-server); draft-07 is what most editors support. */
export function desiredJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(desiredFileSchema, { target: 'draft-7' }), title: 'schemaplan desired state' };
}
