import { childrenOf, columnsOf, parentsOnlyIn } from '../model/catalog.ts';
import { stmt, type Statement } from '../model/change.ts';
import type { ColumnObject, ConstraintObject, TableObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import { columnDefinition, writtenDefault } from './column.ts';
import { commentIfAny, commentOn } from './common.ts';
import { inlineInCreateTable, writtenDefinition } from './constraint.ts';
import type { DdlContext, KindModule } from './kind.ts';

const name = (o: TableObject) => qualified(o.id.schema, o.id.name);

function createTable(o: TableObject, ctx: DdlContext): Statement[] {
  const children = childrenOf(ctx.desired, o.id);
  const columns = children.filter((c): c is ColumnObject => c.kind === 'column').sort((a, b) => a.position - b.position);
  const constraints = children.filter((c): c is ConstraintObject => c.kind === 'constraint' && inlineInCreateTable(c));
  const elements = [
    // A partition's columns are its parent's; those read at all override the default or add NOT NULL.
    ...(o.partitionOf
      ? columns.map((c) => [ident(c.id.name), ...(c.default !== null ? [`DEFAULT ${writtenDefault(c)}`] : []), ...(c.notNull ? ['NOT NULL'] : [])].join(' '))
      : columns.map(columnDefinition)),
    ...constraints.map((c) => `CONSTRAINT ${ident(c.id.name)} ${writtenDefinition(c)}`),
  ];
  const head = `CREATE ${o.persistence === 'unlogged' ? 'UNLOGGED ' : ''}TABLE ${name(o)}`;
  let sql: string;
  if (o.partitionOf) {
    sql = `${head} PARTITION OF ${qualified(o.partitionOf.schema, o.partitionOf.name)}${elements.length ? ` (\n  ${elements.join(',\n  ')}\n)` : ''} ${o.partitionOf.bound}`;
  } else {
    sql = `${head} (\n  ${elements.join(',\n  ')}\n)`;
    if (o.inherits.length) sql += ` INHERITS (${o.inherits.map((p) => qualified(p.schema, p.name)).join(', ')})`;
  }
  if (o.partitionKey) sql += ` PARTITION BY ${o.partitionKey}`;
  if (o.options.length) sql += ` WITH (${o.options.join(', ')})`;
  const out = [stmt(sql, 'none')];
  if (o.rls) out.push(stmt(`ALTER TABLE ${name(o)} ENABLE ROW LEVEL SECURITY`, 'accessExclusive'));
  if (o.forceRls) out.push(stmt(`ALTER TABLE ${name(o)} FORCE ROW LEVEL SECURITY`, 'accessExclusive'));
  out.push(...commentIfAny(`TABLE ${name(o)}`, o.comment));
  if (o.partitionOf) {
    // Partition columns come from the parent; only their comments and defaults can differ.
    for (const c of columns) out.push(...commentIfAny(`COLUMN ${name(o)}.${ident(c.id.name)}`, c.comment));
  } else {
    for (const c of columns) out.push(...commentIfAny(`COLUMN ${name(o)}.${ident(c.id.name)}`, c.comment));
  }
  for (const c of constraints) out.push(...commentIfAny(`CONSTRAINT ${ident(c.id.name)} ON ${name(o)}`, c.comment));
  return out;
}

function alterTable(from: TableObject, to: TableObject, fields: readonly string[]): Statement[] {
  const n = name(to);
  const out: Statement[] = [];
  if (fields.includes('rls')) {
    out.push(stmt(`ALTER TABLE ${n} ${to.rls ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`, 'accessExclusive', [{ code: 'authz-change', detail: `row-level security ${to.rls ? 'enabled' : 'disabled'}` }]));
  }
  if (fields.includes('forceRls')) {
    out.push(stmt(`ALTER TABLE ${n} ${to.forceRls ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`, 'accessExclusive', [{ code: 'authz-change', detail: 'row-level security for the owner' }]));
  }
  if (fields.includes('persistence')) {
    out.push(stmt(`ALTER TABLE ${n} SET ${to.persistence === 'unlogged' ? 'UNLOGGED' : 'LOGGED'}`, 'accessExclusive', [{ code: 'table-rewrite', detail: 'rewrites the table' }]));
  }
  if (fields.includes('options')) {
    const key = (o: string) => o.split('=')[0]!;
    const reset = from.options.filter((o) => !to.options.some((t) => key(t) === key(o))).map(key);
    if (reset.length) out.push(stmt(`ALTER TABLE ${n} RESET (${reset.join(', ')})`, 'shareUpdateExclusive'));
    const set = to.options.filter((o) => !from.options.includes(o));
    if (set.length) out.push(stmt(`ALTER TABLE ${n} SET (${set.join(', ')})`, 'shareUpdateExclusive'));
  }
  if (fields.includes('partitionOf')) {
    if (from.partitionOf) out.push(stmt(`ALTER TABLE ${qualified(from.partitionOf.schema, from.partitionOf.name)} DETACH PARTITION ${n}`, 'accessExclusive'));
    if (to.partitionOf) {
      out.push(stmt(`ALTER TABLE ${qualified(to.partitionOf.schema, to.partitionOf.name)} ATTACH PARTITION ${n} ${to.partitionOf.bound}`, 'shareUpdateExclusive', [{ code: 'validation-scan', detail: 'checks every row against the partition bound' }]));
    }
  }
  if (fields.includes('replicaIdentity')) out.push(replicaIdentity(to));
  if (fields.includes('comment')) out.push(commentOn(`TABLE ${n}`, to.comment));
  return out;
}

// ONLY: on a partitioned table the setting is per table, like the catalog records it.
const replicaIdentity = (o: TableObject) => stmt(`ALTER TABLE ONLY ${name(o)} REPLICA IDENTITY ${o.replicaIdentity}`, 'accessExclusive');

const parentKey = (p: { schema: string; name: string }) => qualified(p.schema, p.name);

/**
 * NO INHERIT before the drop phase (an inherited column cannot be dropped), INHERIT after everything: the child
 * must first have the parent's columns, which the catalog leaves to the parent, so those it lacks are added then.
 */
function inheritPhases(from: TableObject, to: TableObject, fields: readonly string[], ctx: DdlContext): { release: Statement[]; deferred: Statement[] } {
  if (!fields.includes('inherits')) return { release: [], deferred: [] };
  const n = name(to);
  const own = new Set([...columnsOf(ctx.current, from.id), ...columnsOf(ctx.desired, to.id)].map((c) => c.id.name));
  const deferred: Statement[] = [];
  for (const p of parentsOnlyIn(to, from)) {
    for (const c of columnsOf(ctx.desired, { kind: 'table', ...p })) {
      if (own.has(c.id.name)) continue;
      own.add(c.id.name);
      // As CREATE TABLE … INHERITS would have it (an identity stays the parent's own).
      deferred.push(stmt(`ALTER TABLE ${n} ADD COLUMN ${columnDefinition({ ...c, identity: null })}`, 'accessExclusive'));
    }
    deferred.push(stmt(`ALTER TABLE ${n} INHERIT ${parentKey(p)}`, 'accessExclusive'));
  }
  // Leaving a parent, the child keeps the columns it inherited as its own (NO INHERIT): those the desired child
  // has are its own from then on, the others are dropped.
  const release: Statement[] = [];
  const keep = new Set([...columnsOf(ctx.desired, to.id).map((c) => c.id.name), ...to.inherits.flatMap((p) => columnsOf(ctx.current, { kind: 'table', ...p }).map((c) => c.id.name))]);
  for (const p of parentsOnlyIn(from, to)) {
    release.push(stmt(`ALTER TABLE ${n} NO INHERIT ${parentKey(p)}`, 'accessExclusive'));
    for (const c of columnsOf(ctx.current, { kind: 'table', ...p })) {
      if (keep.has(c.id.name)) continue;
      keep.add(c.id.name);
      release.push(stmt(`ALTER TABLE ${n} DROP COLUMN ${ident(c.id.name)}`, 'accessExclusive', [{ code: 'data-loss', detail: `drops column ${to.id.name}.${c.id.name}, inherited from ${p.name} until now, and its values` }]));
    }
  }
  return { release, deferred };
}

export const tableKind: KindModule<'table'> = {
  kind: 'table',
  weight: 10,
  // partitionKey is deliberately absent: Postgres cannot change it, so the table is recreated (a replace, data-loss).
  alterable: ['rls', 'forceRls', 'persistence', 'options', 'replicaIdentity', 'inherits', 'partitionOf', 'comment'],
  create: createTable,
  // USING INDEX needs the index, which is created after the table.
  after: (o) => (o.replicaIdentity === 'DEFAULT' ? [] : [replicaIdentity(o)]),
  drop: (o) => [stmt(`DROP TABLE ${name(o)}`, 'accessExclusive', [{ code: 'data-loss', detail: `drops table ${o.id.schema}.${o.id.name} and all its rows` }])],
  alter: alterTable,
  alterPhases: inheritPhases,
  rename: (from, to) => [stmt(`ALTER TABLE ${name(from)} RENAME TO ${ident(to.id.name)}`, 'accessExclusive')],
};
