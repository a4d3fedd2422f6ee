import type { SourceLocation } from '../../errors.ts';
import { ident, identList, literal, qualified } from '../../sql/quote.ts';
import type { RenameHint, SourceSpan, SourceStatement, Suppression } from '../sources.ts';
import type { ColumnDef, DesiredModel, ForeignKeyDef, IndexDef, KeyDef, PolicyDef, TableDef } from './model.ts';

/**
 * Name of the trigger function `timestamps: true` uses, emitted once in each schema that has such a table (so a
 * schema never depends on another one for it), and of the trigger on each table.
 */
export const UPDATED_AT_FUNCTION = 'set_updated_at';
export const UPDATED_AT_TRIGGER = 'set_updated_at';

/**
 * The model as SQL, in creation order: schemas, extensions, enums, tables (keys, uniques and checks inline),
 * foreign keys, indexes, RLS, policies, the updatedAt function and triggers, comments.
 */
export function emitModel(model: DesiredModel): SourceStatement[] {
  const out: SourceStatement[] = [];
  const push = (sql: string, location: SourceLocation, extra: Partial<SourceStatement> = {}): void => {
    out.push({ sql, location, ...extra });
  };
  const tableExtra = (t: TableDef, own: readonly Suppression[] = []): Partial<SourceStatement> => {
    const suppressions = [...t.suppressions, ...own];
    return suppressions.length ? { suppressions } : {};
  };

  for (const s of model.schemas) push(`CREATE SCHEMA IF NOT EXISTS ${ident(s.name)}`, s.location);
  for (const e of model.extensions) {
    push(`CREATE EXTENSION IF NOT EXISTS ${ident(e.name)}${e.schema ? ` WITH SCHEMA ${ident(e.schema)}` : ''}`, e.location);
  }
  for (const e of model.enums) {
    push(`CREATE TYPE ${qualified(e.id.schema, e.id.name)} AS ENUM (${e.values.map(literal).join(', ')})`, e.location);
  }
  for (const t of model.tables) {
    const renames = tableRenames(t);
    const created = createTable(t);
    push(created.sql, t.location, {
      spans: created.spans,
      ...tableExtra(t, t.columns.flatMap((c) => c.suppressions)),
      ...(renames.length ? { renames } : {}),
    });
  }
  for (const t of model.tables) {
    for (const fk of t.foreignKeys) push(addForeignKey(t, fk), fk.location, tableExtra(t, fk.suppressions));
  }
  for (const t of model.tables) for (const ix of t.indexes) push(createIndex(t, ix), ix.location, tableExtra(t));
  for (const t of model.tables) {
    if (!t.rls) continue;
    const force = t.rls.mode === 'forced' ? ', FORCE ROW LEVEL SECURITY' : '';
    push(`ALTER TABLE ${table(t)} ENABLE ROW LEVEL SECURITY${force}`, t.rls.location, tableExtra(t));
  }
  for (const t of model.tables) for (const p of t.policies) push(createPolicy(t, p), p.location, tableExtra(t));

  const timestamped = model.tables.filter((t) => t.updatedAtTrigger);
  const functionSchemas = new Set<string>();
  for (const t of timestamped) {
    if (functionSchemas.has(t.id.schema)) continue;
    functionSchemas.add(t.id.schema);
    push(updatedAtFunction(t.id.schema), t.updatedAtTrigger!);
  }
  for (const t of timestamped) {
    const fn = qualified(t.id.schema, UPDATED_AT_FUNCTION);
    push(
      `CREATE TRIGGER ${ident(UPDATED_AT_TRIGGER)} BEFORE UPDATE ON ${table(t)} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      t.updatedAtTrigger!,
      tableExtra(t),
    );
  }

  for (const s of model.schemas) if (s.comment !== undefined) push(`COMMENT ON SCHEMA ${ident(s.name)} IS ${literal(s.comment)}`, s.location);
  for (const e of model.enums) {
    if (e.comment !== undefined) push(`COMMENT ON TYPE ${qualified(e.id.schema, e.id.name)} IS ${literal(e.comment)}`, e.location);
  }
  for (const t of model.tables) {
    if (t.comment !== undefined) push(`COMMENT ON TABLE ${table(t)} IS ${literal(t.comment)}`, t.location, tableExtra(t));
    for (const c of t.columns) {
      if (c.comment === undefined) continue;
      push(`COMMENT ON COLUMN ${table(t)}.${ident(c.name)} IS ${literal(c.comment)}`, c.location, tableExtra(t, c.suppressions));
    }
    for (const ix of t.indexes) {
      if (ix.comment !== undefined) push(`COMMENT ON INDEX ${qualified(t.id.schema, ix.name)} IS ${literal(ix.comment)}`, ix.location, tableExtra(t));
    }
    for (const p of t.policies) {
      if (p.comment !== undefined) push(`COMMENT ON POLICY ${ident(p.name)} ON ${table(t)} IS ${literal(p.comment)}`, p.location, tableExtra(t));
    }
  }
  return out;
}

const table = (t: TableDef): string => qualified(t.id.schema, t.id.name);

function tableRenames(t: TableDef): RenameHint[] {
  const { schema, name } = t.id;
  return [
    ...(t.renamedFrom ? [{ kind: 'table' as const, schema, from: t.renamedFrom, to: name }] : []),
    ...t.columns.flatMap((c) => (c.renamedFrom ? [{ kind: 'column' as const, schema, table: name, from: c.renamedFrom, to: c.name }] : [])),
  ];
}

/** The CREATE TABLE, and where each of its lines came from (a column's type Postgres rejects is the column's). */
function createTable(t: TableDef): { sql: string; spans: SourceSpan[] } {
  const lines: { text: string; location: SourceLocation }[] = [
    ...t.columns.map((c) => ({ text: columnSql(c), location: c.location })),
    ...(t.primaryKey ? [{ text: `CONSTRAINT ${ident(t.primaryKey.name)} PRIMARY KEY (${identList(t.primaryKey.columns)})`, location: t.primaryKey.location }] : []),
    ...t.uniques.map((u) => ({ text: uniqueSql(u), location: u.location })),
    ...t.checks.map((c) => ({ text: `CONSTRAINT ${ident(c.name)} CHECK (${c.expression})`, location: c.location })),
  ];
  let sql = `CREATE TABLE ${table(t)} (\n  `;
  const spans: SourceSpan[] = [];
  lines.forEach(({ text, location }, i) => {
    if (i) sql += ',\n  ';
    spans.push({ start: sql.length, end: sql.length + text.length, location });
    sql += text;
  });
  return { sql: `${sql}\n)`, spans };
}

function columnSql(c: ColumnDef): string {
  const parts = [ident(c.name), c.type];
  if (c.default !== undefined) parts.push(`DEFAULT ${c.default}`);
  if (c.identity) parts.push(`GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`);
  if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
  if (c.notNull) parts.push('NOT NULL');
  return parts.join(' ');
}

function uniqueSql(u: KeyDef): string {
  return `CONSTRAINT ${ident(u.name)} UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${identList(u.columns)})`;
}

function addForeignKey(t: TableDef, fk: ForeignKeyDef): string {
  const target = qualified(fk.table.schema, fk.table.name) + (fk.refColumns ? ` (${identList(fk.refColumns)})` : '');
  const actions = [
    ...(fk.onUpdate ? [`ON UPDATE ${fk.onUpdate.toUpperCase()}`] : []),
    ...(fk.onDelete ? [`ON DELETE ${fk.onDelete.toUpperCase()}`] : []),
  ];
  return [
    `ALTER TABLE ${table(t)} ADD CONSTRAINT ${ident(fk.name)} FOREIGN KEY (${identList(fk.columns)}) REFERENCES ${target}`,
    ...actions,
  ].join(' ');
}

function createIndex(t: TableDef, ix: IndexDef): string {
  const elements = ix.elements.map((e) =>
    [
      e.column !== undefined ? ident(e.column) : `(${e.expression})`,
      ...(e.opclass ? [e.opclass] : []),
      ...(e.order ? [e.order.toUpperCase()] : []),
      ...(e.nulls ? [`NULLS ${e.nulls.toUpperCase()}`] : []),
    ].join(' '),
  );
  return [
    `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${ident(ix.name)} ON ${table(t)}`,
    ...(ix.method ? [`USING ${ix.method}`] : []),
    `(${elements.join(', ')})`,
    ...(ix.include.length ? [`INCLUDE (${identList(ix.include)})`] : []),
    ...(ix.nullsNotDistinct ? ['NULLS NOT DISTINCT'] : []),
    ...(ix.where ? [`WHERE ${ix.where}`] : []),
  ].join(' ');
}

function createPolicy(t: TableDef, p: PolicyDef): string {
  return [
    `CREATE POLICY ${ident(p.name)} ON ${table(t)}`,
    ...(p.restrictive ? ['AS RESTRICTIVE'] : []),
    `FOR ${p.command.toUpperCase()}`,
    `TO ${identList(p.roles)}`,
    ...(p.using ? [`USING (${p.using})`] : []),
    ...(p.withCheck ? [`WITH CHECK (${p.withCheck})`] : []),
  ].join(' ');
}

/** CREATE OR REPLACE so that a SQL file may define its own version; an empty search_path keeps it injection-safe. */
function updatedAtFunction(schema: string): string {
  const fn = qualified(schema, UPDATED_AT_FUNCTION);
  return [
    `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql SET search_path = ${literal('')} AS $function$`,
    'BEGIN',
    `  NEW.${ident('updatedAt')} := now();`,
    '  RETURN NEW;',
    'END',
    '$function$',
  ].join('\n');
}
