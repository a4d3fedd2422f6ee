import type { Queryable } from '../db/queryable.ts';
import { constraintKind } from '../kinds/constraint.ts';
import { columnKind } from '../kinds/column.ts';
import type { DdlContext } from '../kinds/kind.ts';
import { indexKind } from '../kinds/index.ts';
import { policyKind } from '../kinds/policy.ts';
import { restrictCatalog, type Catalog } from '../model/catalog.ts';
import { encodeId } from '../model/identity.ts';
import type { CatalogObject, ColumnObject, ConstraintObject, IndexObject, PolicyObject } from '../model/objects.ts';
import { ident, literal, qualified } from '../sql/quote.ts';
import { unstableFields, type ExpressionField, type Written } from './settle.ts';
import type { SourceStatement } from './sources.ts';
import { withCheckExpression, withIndexExpressions, writtenExpressions, type WrittenExpression } from './source-text.ts';

/**
 * Where the desired state's own text of an unstable expression is known, the desired catalog keeps what
 * Postgres stored from that text (no settling) and the plan writes that text: a target built from the same
 * source then shows no difference, and applying the plan stores the same expression.
 *
 * Matching objects to the text written for them: by evaluation in the shadow. Every candidate text (the CHECKs
 * written for the object's table — by name when the statement names it, else all unnamed ones, since the name
 * Postgres generates depends on columns and collisions; the last DEFAULT written for the column; the last
 * USING / WITH CHECK written for the policy) is executed in the shadow exactly as the plan would write it (the
 * kind modules render the probe), with an empty search_path, and the candidate is kept only when Postgres
 * prints back exactly the object's text. That also proves the text resolves no name through the search_path,
 * so it means the same on any target. Probes run in a transaction that is rolled back.
 */
export interface WrittenSource {
  /** The field values in written form (what the kind modules render). */
  readonly fields: Partial<Record<ExpressionField, string>>;
  /** The deparsed text each field had when its written form was verified. */
  readonly verified: Partial<Record<ExpressionField, string>>;
}

export type WrittenSources = ReadonlyMap<string, WrittenSource>;

export const isWritten =
  (sources: WrittenSources): Written =>
  (key, field) =>
    sources.get(key)?.fields[field] !== undefined;

interface Probe {
  readonly key: string;
  readonly field: ExpressionField;
  readonly written: string;
  /** The object's field as Postgres printed it. */
  readonly current: string;
  /** What the probe's read must return for the written form to store the same expression. */
  readonly expected: string;
  readonly ddl: readonly string[];
  /** A query of one text value: what Postgres stored for the probe. */
  readonly read: string;
}

/** Probes per transaction: each takes a lock on its table (see execute.ts on lock table size). */
const CHUNK = 200;

export async function findWrittenSources(db: Queryable, catalog: Catalog, statements: readonly SourceStatement[]): Promise<WrittenSources> {
  const unstable = [...catalog.objects.values()].flatMap((o) => unstableFields(o).map((field) => ({ o, field })));
  if (!unstable.length) return new Map();
  const written = writtenFor(new Set(unstable.map(({ o }) => tableName(o).toLowerCase())), statements);
  const ctx: DdlContext = { current: catalog, desired: catalog };
  const probes: Probe[] = [];
  for (const { o, field } of unstable) {
    for (const text of candidates(o, field, written)) {
      const probe = makeProbe(o, field, text, `schemaplan_probe_${probes.length}`, ctx);
      if (probe) probes.push(probe);
    }
  }
  const matched = new Set<number>();
  for (let i = 0; i < probes.length; i += CHUNK) {
    for (const n of await runProbes(db, probes.slice(i, i + CHUNK), i)) matched.add(n);
  }
  const out = new Map<string, { fields: Partial<Record<ExpressionField, string>>; verified: Partial<Record<ExpressionField, string>> }>();
  probes.forEach((p, n) => {
    if (!matched.has(n)) return;
    const s = out.get(p.key) ?? { fields: {}, verified: {} };
    if (s.fields[p.field] !== undefined) return; // the first candidate that reproduces the text wins
    s.fields[p.field] = p.written;
    s.verified[p.field] = p.current;
    out.set(p.key, s);
  });
  return out;
}

/** The catalog with each verified written form attached to its object (see model/objects.ts WrittenAs). */
export function withWrittenSources(catalog: Catalog, sources: WrittenSources): Catalog {
  const written: CatalogObject[] = [];
  for (const [key, o] of catalog.objects) {
    const s = sources.get(key);
    if (!s) continue;
    // Only fields still holding the text that was verified (settling other fields never touches these).
    const fields = Object.fromEntries(
      Object.entries(s.fields).filter(([f]) => (o as unknown as Record<string, unknown>)[f] === s.verified[f as ExpressionField]),
    );
    if (Object.keys(fields).length) written.push({ ...o, source: fields } as CatalogObject);
  }
  return written.length ? restrictCatalog(catalog, () => true, written) : catalog;
}

const tableName = (o: CatalogObject): string => (o.kind === 'index' ? o.table : 'table' in o.id ? o.id.table : '');

/**
 * The expressions written by statements that may concern these tables. A statement naming none of them (in
 * any case or quoting) cannot, and need not be parsed again; with many tables every statement is parsed.
 */
function writtenFor(tables: ReadonlySet<string>, statements: readonly SourceStatement[]): WrittenExpression[] {
  const names = [...tables];
  const mayConcern = (sql: string) => {
    if (names.length > 64) return true;
    const lower = sql.toLowerCase();
    return names.some((n) => lower.includes(n));
  };
  return statements.filter((s) => mayConcern(s.sql)).flatMap((s) => writtenExpressions(s.sql));
}

type WrittenOf<K extends WrittenExpression['kind']> = Extract<WrittenExpression, { kind: K }>;

/** The candidates for a named object: what was written under its name, else everything written without one. */
function byName<W extends { name: string | null }>(written: readonly W[], name: string): W[] {
  const named = written.filter((w) => w.name === name);
  return named.length ? [named.at(-1)!] : written.filter((w) => w.name === null);
}

/** Candidate values of `field` in written form, most likely first. */
function candidates(o: CatalogObject, field: ExpressionField, written: readonly WrittenExpression[]): string[] {
  const on = <K extends WrittenExpression['kind']>(kind: K, schema: string, table: string) =>
    written.filter((w): w is WrittenOf<K> => w.kind === kind && w.table.name === table && (w.table.schema === null || w.table.schema === schema));
  if (o.kind === 'constraint') {
    const texts = new Set(byName(on('check', o.id.schema, o.id.table), o.id.name).map((w) => w.text));
    return [...texts].flatMap((t) => withCheckExpression(o.definition, t) ?? []);
  }
  if (o.kind === 'column') {
    const last = on('default', o.id.schema, o.id.table).filter((w) => w.column === o.id.name).at(-1);
    // Parenthesized: a DEFAULT in CREATE TABLE takes a narrower expression than ALTER COLUMN … SET DEFAULT.
    return last ? [`(${last.text})`] : [];
  }
  if (o.kind === 'policy') {
    const last = on('policy', o.id.schema, o.id.table).filter((w) => w.clause === field && w.name === o.id.name).at(-1);
    return last ? [last.text] : [];
  }
  if (o.kind === 'index') {
    const texts = new Set(byName(on('index', o.id.schema, o.table), o.id.name).flatMap((w) => withIndexExpressions(o.definition, w) ?? []));
    return [...texts];
  }
  return [];
}

/** An index definition naming another index: pg_get_indexdef prints the name right after INDEX. */
function renamedIndex(definition: string, from: string, to: string): string | null {
  const head = /^CREATE (UNIQUE )?INDEX /.exec(definition)?.[0];
  return head && definition.startsWith(`${head}${ident(from)} ON `) ? `${head}${ident(to)}${definition.slice(head.length + ident(from).length)}` : null;
}

/** The statements that write the object with `text` as `field` (rendered by its kind module), under another name where it has one. */
function makeProbe(o: CatalogObject, field: ExpressionField, text: string, name: string, ctx: DdlContext): Probe | null {
  const key = encodeId(o.id);
  if (o.kind === 'constraint') {
    const probe: ConstraintObject = { ...o, id: { ...o.id, name }, comment: null, source: { definition: text } };
    return {
      key, field, written: text, current: o.definition, expected: o.definition,
      ddl: constraintKind.create(probe, ctx).map((s) => s.sql),
      read: `SELECT pg_catalog.pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint WHERE conrelid = ${relation(o)} AND conname = ${literal(name)}`,
    };
  }
  if (o.kind === 'column' && o.default !== null) {
    const to: ColumnObject = { ...o, source: { default: text } };
    return {
      key, field, written: text, current: o.default, expected: o.default,
      ddl: columnKind.alter({ ...o, default: null }, to, ['default'], ctx).map((s) => s.sql),
      read: `SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = ${relation(o)} AND a.attname = ${literal(o.id.name)}`,
    };
  }
  if (o.kind === 'policy' && (field === 'using' || field === 'withCheck') && o[field] !== null) {
    const probe: PolicyObject = { ...o, id: { ...o.id, name }, comment: null, source: { [field]: text } };
    return {
      key, field, written: text, current: o[field]!, expected: o[field]!,
      ddl: policyKind.create(probe, ctx).map((s) => s.sql),
      read: `SELECT pg_catalog.pg_get_expr(${field === 'using' ? 'polqual' : 'polwithcheck'}, polrelid) FROM pg_catalog.pg_policy WHERE polrelid = ${relation(o)} AND polname = ${literal(name)}`,
    };
  }
  const probeText = o.kind === 'index' ? renamedIndex(text, o.id.name, name) : null;
  const expected = o.kind === 'index' ? renamedIndex(o.definition, o.id.name, name) : null;
  if (o.kind === 'index' && probeText && expected) {
    const probe: IndexObject = { ...o, id: { ...o.id, name }, comment: null, source: { definition: probeText } };
    return {
      key, field, written: text, current: o.definition, expected,
      ddl: indexKind.create(probe, ctx).map((s) => s.sql),
      read: `SELECT pg_catalog.pg_get_indexdef(${literal(qualified(o.id.schema, name))}::pg_catalog.regclass)`,
    };
  }
  return null;
}

const relation = (o: { id: { schema: string; table: string } }) => `${literal(qualified(o.id.schema, o.id.table))}::pg_catalog.regclass`;

/**
 * Runs probes in one transaction that is rolled back; each in a DO block whose exception handler undoes a probe
 * that fails (a name the empty search_path does not resolve, a text written for another table). Returns the
 * numbers (offset + index) of the probes whose stored text is the one expected.
 */
async function runProbes(db: Queryable, probes: readonly Probe[], offset: number): Promise<number[]> {
  const blocks = probes.map((p, i) => {
    const body = [
      'BEGIN',
      ...p.ddl.map((sql) => `EXECUTE ${literal(sql)};`),
      `INSERT INTO pg_temp.schemaplan_probe VALUES (${offset + i}, (${p.read}));`,
      'EXCEPTION WHEN others THEN NULL;',
      'END',
    ].join('\n');
    return `DO ${literal(body)}`;
  });
  await db.exec('BEGIN');
  try {
    await db.exec(`SET LOCAL search_path = ''; CREATE TEMP TABLE schemaplan_probe (n integer, stored text);\n${blocks.join(';\n')};`);
    const rows = (await db.query<{ n: number; stored: string | null }>('SELECT n, stored FROM pg_temp.schemaplan_probe')).rows;
    return rows.filter((r) => r.stored === probes[Number(r.n) - offset]?.expected).map((r) => Number(r.n));
  } catch {
    // Probing is an optimization of the plan's text: if it cannot run here, everything settles as before.
    return [];
  } finally {
    await db.exec('ROLLBACK');
  }
}
