import { getObject, parentsOnlyIn, type Catalog } from '../model/catalog.ts';
import { stmt, type Statement } from '../model/change.ts';
import type { CatalogKind, ColumnObject } from '../model/objects.ts';
import { ident, literal, qualified } from '../sql/quote.ts';
import { commentIfAny, commentOn, sameValue } from './common.ts';
import type { DdlContext, KindModule } from './kind.ts';
import { sequencesReplacedByIdentity } from './sequence.ts';

const table = (o: ColumnObject) => qualified(o.id.schema, o.id.table);
const IDENTITY = { always: 'ALWAYS', byDefault: 'BY DEFAULT' } as const;

const identityClause = (c: ColumnObject) => `GENERATED ${IDENTITY[c.identity!]} AS IDENTITY${c.identityOptions ? ` (${c.identityOptions})` : ''}`;

/** `ALTER COLUMN … SET START WITH 3 SET INCREMENT BY 4 …`: only the options that differ. */
function identityOptionChanges(from: string | null, to: string | null): string[] {
  const split = (s: string | null) => (s ?? '').match(/START WITH \S+|INCREMENT BY \S+|MINVALUE \S+|MAXVALUE \S+|CACHE \S+|NO CYCLE|CYCLE/g) ?? [];
  const before = new Set(split(from));
  return split(to).filter((o) => !before.has(o)).map((o) => `SET ${o}`);
}

/** The default the plan writes: as the desired state wrote it where Postgres' text is not a fixpoint. */
export const writtenDefault = (c: ColumnObject): string | null => c.source?.default ?? c.default;

/** The column as it appears in CREATE TABLE or ADD COLUMN. */
export function columnDefinition(c: ColumnObject): string {
  const parts = [ident(c.id.name), c.type];
  if (c.collation) parts.push(`COLLATE ${c.collation}`);
  if (c.generated !== null) parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
  if (c.identity) parts.push(identityClause(c));
  if (c.default !== null) parts.push(`DEFAULT ${writtenDefault(c)}`);
  if (c.notNull && !c.identity) parts.push('NOT NULL');
  return parts.join(' ');
}

function alterColumn(from: ColumnObject, to: ColumnObject, fields: readonly string[], ctx?: DdlContext): Statement[] {
  const t = table(to);
  const col = ident(to.id.name);
  const at = `ALTER TABLE ${t} ALTER COLUMN ${col}`;
  const out: Statement[] = [];
  const typeChanges = fields.includes('type') || fields.includes('collation');
  const defaultChanges = fields.includes('default');
  // A default that cannot be cast to the new type would make ALTER TYPE fail: drop it first.
  if (from.default !== null && ((defaultChanges && to.default === null) || typeChanges)) out.push(stmt(`${at} DROP DEFAULT`, 'accessExclusive'));
  if (typeChanges) {
    const retyped = from.type !== to.type;
    const rewrite = fields.includes('collation') || !widensWithoutRewrite(from.type, to.type);
    const change = retyped ? `the type of ${to.id.table}.${to.id.name} from ${from.type} to ${to.type}` : `the collation of ${to.id.table}.${to.id.name}`;
    const lossy = retyped && lossyConversion(from.type, to.type);
    out.push(
      stmt(`${at} TYPE ${to.type}${to.collation ? ` COLLATE ${to.collation}` : ''} USING ${col}::${to.type}`, 'accessExclusive', [
        ...(rewrite ? [{ code: 'table-rewrite' as const, detail: `changes ${change}` }] : []),
        ...(lossy ? [{ code: 'data-loss' as const, detail: `${lossy}: ${to.id.table}.${to.id.name} from ${from.type} to ${to.type}` }] : []),
      ]),
    );
  }
  if (to.default !== null && (defaultChanges || typeChanges)) out.push(stmt(`${at} SET DEFAULT ${writtenDefault(to)}`, 'accessExclusive'));
  // An identity needs NOT NULL first; dropping NOT NULL waits until the identity is gone.
  if (fields.includes('notNull') && to.notNull) {
    out.push(stmt(`${at} SET NOT NULL`, 'accessExclusive', [{ code: 'validation-scan', detail: `scans ${to.id.table} for NULLs in ${to.id.name}` }]));
  }
  if (fields.includes('identity') && to.identity && !from.identity && ctx) {
    for (const seq of sequencesReplacedByIdentity(to.id.table, to.id.name, to.id.schema, ctx)) out.push(stmt(`DROP SEQUENCE ${qualified(seq.id.schema, seq.id.name)}`, 'accessExclusive'));
  }
  if (fields.includes('identity') && to.identity) {
    out.push(stmt(from.identity ? `${at} SET GENERATED ${IDENTITY[to.identity]}` : `${at} ADD ${identityClause(to)}`, 'accessExclusive'));
    if (!from.identity) out.push(numberOnAfterRows(to, `pg_catalog.pg_get_serial_sequence(${literal(t)}, ${literal(to.id.name)})`));
  }
  if (fields.includes('identityOptions') && from.identity && to.identity) {
    const set = identityOptionChanges(from.identityOptions, to.identityOptions);
    if (set.length) out.push(stmt(`${at} ${set.join(' ')}`, 'accessExclusive'));
  }
  if (fields.includes('notNull') && !to.notNull) out.push(stmt(`${at} DROP NOT NULL`, 'accessExclusive'));
  if (fields.includes('comment')) out.push(commentOn(`COLUMN ${t}.${col}`, to.comment));
  return out;
}

/**
 * A stored generated column whose expression goes or changes. Going: DROP EXPRESSION keeps the computed values
 * as ordinary ones (dropping the column would lose them). Changing: the column is dropped and added again, which
 * loses nothing (its values are computed from the row) but rewrites the table. A column that becomes generated
 * is the generic drop and create: its stored values are replaced by computed ones, which is data loss.
 */
function replaceGenerated(from: ColumnObject, to: ColumnObject, ctx: DdlContext): { before: Statement[]; after: Statement[] } | null {
  if (from.generated === null) return null;
  if (to.generated === null) {
    const plain: ColumnObject = { ...from, generated: null };
    const fields = differing(plain, to, ['type', 'collation', 'notNull', 'default', 'identity', 'identityOptions', 'comment']);
    return { before: [], after: [stmt(`ALTER TABLE ${table(to)} ALTER COLUMN ${ident(to.id.name)} DROP EXPRESSION`, 'accessExclusive'), ...alterColumn(plain, to, fields, ctx)] };
  }
  return {
    before: [stmt(`ALTER TABLE ${table(from)} DROP COLUMN ${ident(from.id.name)}`, 'accessExclusive')],
    after: columnKind.create(to, ctx),
  };
}

/**
 * A new sequence for a column that holds values (an identity added to a serial's or plain column, a serial
 * replacing an identity) goes on after the highest of them, not from its start, or the next insert would collide
 * with an existing row; unless its start is above them anyway. `sequence`: SQL naming it.
 */
function numberOnAfterRows(c: ColumnObject, sequence: string): Statement {
  const col = ident(c.id.name);
  return stmt(
    `SELECT pg_catalog.setval(${sequence}::regclass, max(${col})) FROM ${table(c)} ` +
      `HAVING max(${col}) >= (SELECT s.seqstart FROM pg_catalog.pg_sequence s WHERE s.seqrelid = ${sequence}::regclass AND s.seqincrement > 0)`,
    'none',
  );
}

/** A serial replacing an identity: its sequence is the one its default names (OWNED BY comes at the plan's end). */
function continueNumbering(c: ColumnObject): Statement[] {
  const seq = /^nextval\(('(?:[^']|'')+')::regclass\)$/.exec(c.default ?? '')?.[1];
  return seq ? [numberOnAfterRows(c, seq)] : [];
}

/** Kinds that block ALTER COLUMN … TYPE and must be dropped and recreated around it. */
const BLOCK_TYPE_CHANGE: ReadonlySet<CatalogKind> = new Set(['view', 'matview', 'policy', 'trigger', 'function', 'column']);

const dropsIdentity = (from: ColumnObject, to: ColumnObject, fields: readonly string[]) => fields.includes('identity') && from.identity !== null && to.identity === null;

const VARCHAR = /^character varying(?:\((\d+)\))?$/;
const NUMERIC = /^numeric(?:\(\d+(?:,\d+)?\))?$/;

/**
 * Type changes Postgres makes without rewriting the table (binary-compatible, a looser limit): varchar to a longer
 * varchar, to varchar without a limit or to text; text to varchar without a limit; numeric(p,s) to numeric.
 */
function widensWithoutRewrite(from: string, to: string): boolean {
  const v = VARCHAR.exec(from);
  if (v) {
    if (to === 'text') return true;
    const w = VARCHAR.exec(to);
    return !!w && (w[1] === undefined || (v[1] !== undefined && Number(w[1]) >= Number(v[1])));
  }
  if (from === 'text') return to === 'character varying';
  return NUMERIC.test(from) && to === 'numeric';
}

const CHARS = /^(?:character varying|character|bit varying|bit)\((\d+)\)$/;
const NUMERIC_PS = /^numeric\((\d+)(?:,(\d+))?\)$/;
const INTEGERS = new Set(['smallint', 'integer', 'bigint']);
const FRACTIONAL = /^(?:numeric(?:\(.*\))?|real|double precision)$/;
const TIMESTAMPS = /^timestamp(?:\((\d)\))? with(?:out)? time zone$/;

/**
 * Conversions that keep every row but not every value (the cast in USING rounds or cuts silently): what they do,
 * or null. Conversions that fail on a value they cannot hold (text → integer, bigint → integer) lose nothing: the
 * apply fails and rolls back.
 */
export function lossyConversion(from: string, to: string): string | null {
  const toChars = CHARS.exec(to);
  if (toChars) {
    const fromChars = CHARS.exec(from);
    if (!fromChars || Number(fromChars[1]) > Number(toChars[1])) return 'cuts longer values';
  }
  const toNumeric = NUMERIC_PS.exec(to);
  if (toNumeric) {
    const s = Number(toNumeric[2] ?? 0);
    const fromNumeric = NUMERIC_PS.exec(from);
    // Fewer digits before the point fail on a value too large instead.
    if (fromNumeric ? Number(fromNumeric[2] ?? 0) > s : from === 'numeric' || from === 'real' || from === 'double precision') return 'rounds values';
  }
  if (INTEGERS.has(to) && FRACTIONAL.test(from)) return 'rounds values';
  if (to === 'real' && (from === 'double precision' || from.startsWith('numeric') || from === 'bigint' || from === 'integer')) return 'rounds values';
  if (to === 'double precision' && (from.startsWith('numeric') || from === 'bigint')) return 'rounds values';
  if (to === 'date' && TIMESTAMPS.test(from)) return 'drops the time of day';
  const [fromTs, toTs] = [TIMESTAMPS.exec(from), TIMESTAMPS.exec(to)];
  if (fromTs && toTs && Number(toTs[1] ?? 6) < Number(fromTs[1] ?? 6)) return 'rounds fractional seconds';
  return null;
}

const differing = (a: ColumnObject, b: ColumnObject, fields: (keyof ColumnObject)[]) => fields.filter((f) => !sameValue(a[f], b[f]));

/**
 * For a column of a partition (read only when it overrides its parent's default or NOT NULL): the parent's
 * column, which is what the partition's column is without the override.
 */
function partitionParentColumn(o: ColumnObject, desired: Catalog): ColumnObject | null {
  const t = getObject(desired, { kind: 'table', schema: o.id.schema, name: o.id.table });
  if (t?.kind !== 'table' || !t.partitionOf) return null;
  const p = getObject(desired, { kind: 'column', schema: t.partitionOf.schema, table: t.partitionOf.name, name: o.id.name });
  return p?.kind === 'column' ? { ...p, id: o.id, comment: null } : null;
}

/**
 * Does the column's table leave a parent (INHERITS) in this plan? NO INHERIT makes the columns it inherited its
 * own, which the catalog left to the parent: the desired column may already be there.
 */
function leavesParent(o: ColumnObject, ctx: DdlContext): boolean {
  const id = { kind: 'table' as const, schema: o.id.schema, name: o.id.table };
  const [before, after] = [getObject(ctx.current, id), getObject(ctx.desired, id)];
  return before?.kind === 'table' && after?.kind === 'table' && parentsOnlyIn(before, after).length > 0;
}

/** A partition's column whose override goes away stays (with its parent's settings); any other column is dropped. */
export const columnDropped = (o: ColumnObject, ctx: DdlContext): boolean => partitionParentColumn(o, ctx.desired) === null;

export const columnKind: KindModule<'column'> = {
  kind: 'column',
  weight: 11,
  // `generated` is absent: a stored generated expression cannot be changed in place before PostgreSQL 17.
  alterable: ['type', 'collation', 'notNull', 'default', 'identity', 'identityOptions', 'comment'],
  create(o, ctx) {
    const inherited = partitionParentColumn(o, ctx.desired);
    if (inherited) return alterColumn(inherited, o, differing(inherited, o, ['default', 'notNull', 'comment']));
    const hazards =
      o.notNull && o.default === null && !o.identity && o.generated === null
        ? [{ code: 'blocks-writes' as const, detail: `NOT NULL without a default fails if ${o.id.table} has rows` }]
        : o.generated !== null
          ? [{ code: 'table-rewrite' as const, detail: `computes ${o.id.table}.${o.id.name} for every row` }]
          : [];
    return [
      stmt(`ALTER TABLE ${table(o)} ADD COLUMN ${leavesParent(o, ctx) ? 'IF NOT EXISTS ' : ''}${columnDefinition(o)}`, 'accessExclusive', hazards),
      ...commentIfAny(`COLUMN ${table(o)}.${ident(o.id.name)}`, o.comment),
    ];
  },
  drop(o, ctx) {
    // A partition's override going away: the column takes its parent's settings back.
    const inherited = partitionParentColumn(o, ctx.desired);
    if (inherited) return alterColumn(o, inherited, differing(o, inherited, ['default', 'notNull']));
    return [
      stmt(`ALTER TABLE ${table(o)} DROP COLUMN ${ident(o.id.name)}`, 'accessExclusive', [{ code: 'data-loss', detail: `drops column ${o.id.table}.${o.id.name} and its values` }]),
    ];
  },
  alter: (from, to, fields, ctx) => [...alterColumn(from, to, fields, ctx), ...(dropsIdentity(from, to, fields) ? continueNumbering(to) : [])],
  // An identity that goes is dropped in the drop phase: its sequence's name is free before a new sequence (serial)
  // takes it.
  alterPhases: (from, to, fields) => ({
    release: dropsIdentity(from, to, fields) ? [stmt(`ALTER TABLE ${table(from)} ALTER COLUMN ${ident(from.id.name)} DROP IDENTITY`, 'accessExclusive')] : [],
    deferred: [],
  }),
  replace: replaceGenerated,
  // Table renames run first, so the column is renamed on the table's new name.
  rename: (from, to) => [stmt(`ALTER TABLE ${table(to)} RENAME COLUMN ${ident(from.id.name)} TO ${ident(to.id.name)}`, 'accessExclusive')],
  alterRecreatesDependents: (_from, _to, fields) => (fields.includes('type') || fields.includes('collation') ? BLOCK_TYPE_CHANGE : null),
  detach(o) {
    if (o.default === null) return null;
    return {
      statements: [stmt(`ALTER TABLE ${table(o)} ALTER COLUMN ${ident(o.id.name)} DROP DEFAULT`, 'accessExclusive')],
      detached: { ...o, default: null },
    };
  },
};
