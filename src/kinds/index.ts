import { getObject } from '../model/catalog.ts';
import { stmt, type Statement } from '../model/change.ts';
import type { IndexObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { DdlContext, KindModule } from './kind.ts';

const name = (o: IndexObject) => qualified(o.id.schema, o.id.name);
const HEAD = /^CREATE (?:UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+/;

/**
 * The definition the plan writes: as the desired state wrote it where Postgres' text is not a fixpoint. A
 * partition's index attached to one the desired state wrote takes that text on its own table: Postgres built it
 * from the parent's tree, which the printed text need not reproduce, and the parent attaches only an equal index.
 */
function written(o: IndexObject, ctx: DdlContext): string {
  if (o.source?.definition) return o.source.definition;
  const parent = o.attachedTo && getObject(ctx.desired, { kind: 'index', ...o.attachedTo });
  const text = parent?.kind === 'index' ? parent.source?.definition : undefined;
  const head = HEAD.exec(o.definition)?.[0];
  return text && head && HEAD.test(text) ? text.replace(HEAD, head.replace(' ON ONLY ', ' ON ')) : o.definition;
}

/**
 * A partitioned table's index is created after its partitions' indexes and without ONLY (pg_get_indexdef prints
 * ON ONLY): Postgres attaches the equivalent partition indexes, creates any missing, and the index is valid at
 * once (a foreign key can use it). A partition index under an index that already exists is attached explicitly;
 * a partition the plan creates under it already got one with the same default name, hence IF NOT EXISTS (and
 * attaching an attached index is a no-op).
 */
function createIndex(o: IndexObject, ctx: DdlContext): Statement[] {
  const hazards = [{ code: 'blocks-writes' as const, detail: `blocks writes to ${o.table} while the index builds` }];
  if (!o.attachedTo) return [stmt(written(o, ctx).replace(/^(CREATE (?:UNIQUE )?INDEX \S+ ON )ONLY /, '$1'), 'share', hazards)];
  const create = stmt(written(o, ctx).replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '), 'share', hazards);
  if (goesWithParent(o, ctx) || !getObject(ctx.current, { kind: 'index', ...o.attachedTo })) return [create];
  return [create, stmt(`ALTER INDEX ${qualified(o.attachedTo.schema, o.attachedTo.name)} ATTACH PARTITION ${name(o)}`, 'shareUpdateExclusive')];
}

/** A partition's index goes with its parent index when that is dropped or rebuilt. */
function goesWithParent(o: IndexObject, ctx: DdlContext): boolean {
  if (!o.attachedTo) return false;
  const id = { kind: 'index' as const, ...o.attachedTo };
  const before = getObject(ctx.current, id);
  const after = getObject(ctx.desired, id);
  return !after || (before?.kind === 'index' && after.kind === 'index' && before.definition !== after.definition);
}

export const indexKind: KindModule<'index'> = {
  kind: 'index',
  weight: 13,
  alterable: ['comment'],
  create: (o, ctx) => [...createIndex(o, ctx), ...commentIfAny(`INDEX ${name(o)}`, o.comment)],
  drop: (o, ctx) => (goesWithParent(o, ctx) ? [] : [stmt(`DROP INDEX ${name(o)}`, 'accessExclusive')]),
  alter: (_from, to) => [commentOn(`INDEX ${name(to)}`, to.comment)],
  // The definition without its own name and table's: `CREATE INDEX x ON t USING …` → `USING …`.
  renameShape: (o) => `${o.id.schema}\u0000${o.table}\u0000${o.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+/, '$1$2')}`,
  rename: (from, to) => [stmt(`ALTER INDEX ${name(from)} RENAME TO ${ident(to.id.name)}`, 'accessExclusive')],
};
