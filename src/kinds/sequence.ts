import { stmt, type Statement } from '../model/change.ts';
import type { SequenceObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { DdlContext, KindModule } from './kind.ts';
import { getObject } from '../model/catalog.ts';

const name = (o: SequenceObject) => qualified(o.id.schema, o.id.name);
const owner = (o: SequenceObject) => (o.ownedBy ? `${qualified(o.id.schema, o.ownedBy.table)}.${ident(o.ownedBy.column)}` : 'NONE');

function options(o: SequenceObject): string {
  return `AS ${o.dataType} INCREMENT BY ${o.increment} MINVALUE ${o.min} MAXVALUE ${o.max} START WITH ${o.start} CACHE ${o.cache}${o.cycle ? ' CYCLE' : ' NO CYCLE'}`;
}

/**
 * A serial column turning into an identity column: its sequence must be gone before ADD IDENTITY (which would
 * otherwise name the new sequence `…_seq1`), so the column's change drops it.
 */
export function serialBecomesIdentity(seq: SequenceObject, ctx: DdlContext): boolean {
  if (!seq.ownedBy || getObject(ctx.desired, seq.id)) return false;
  const id = { kind: 'column' as const, schema: seq.id.schema, table: seq.ownedBy.table, name: seq.ownedBy.column };
  const before = getObject(ctx.current, id);
  const after = getObject(ctx.desired, id);
  return before?.kind === 'column' && after?.kind === 'column' && !before.identity && after.identity !== null;
}

/** The sequences `serialBecomesIdentity` hands to this column's change. */
export function sequencesReplacedByIdentity(table: string, column: string, schema: string, ctx: DdlContext): SequenceObject[] {
  const out: SequenceObject[] = [];
  for (const o of ctx.current.objects.values()) {
    if (o.kind === 'sequence' && o.id.schema === schema && o.ownedBy?.table === table && o.ownedBy.column === column && serialBecomesIdentity(o, ctx)) out.push(o);
  }
  return out;
}

export const sequenceKind: KindModule<'sequence'> = {
  kind: 'sequence',
  weight: 3,
  alterable: ['dataType', 'start', 'increment', 'min', 'max', 'cache', 'cycle', 'ownedBy', 'comment'],
  create: (o) => [stmt(`CREATE SEQUENCE ${name(o)} ${options(o)}`, 'none'), ...commentIfAny(`SEQUENCE ${name(o)}`, o.comment)],
  // OWNED BY needs the column, and the column's default needs the sequence: ownership comes last.
  after: (o) => (o.ownedBy ? [stmt(`ALTER SEQUENCE ${name(o)} OWNED BY ${owner(o)}`, 'none')] : []),
  drop: (o, ctx) => (serialBecomesIdentity(o, ctx) ? [] : [stmt(`DROP SEQUENCE ${name(o)}`, 'accessExclusive')]),
  // A new owner may not exist yet, and dropping the old owner would drop the sequence: let go first, own last.
  alterPhases: (from, to, fields) => ({
    release: fields.includes('ownedBy') && from.ownedBy ? [stmt(`ALTER SEQUENCE ${name(from)} OWNED BY NONE`, 'none')] : [],
    deferred: fields.includes('ownedBy') && to.ownedBy ? [stmt(`ALTER SEQUENCE ${name(to)} OWNED BY ${owner(to)}`, 'none')] : [],
  }),
  alter(_from, to, fields) {
    const out: Statement[] = [];
    if (fields.some((f) => f !== 'comment' && f !== 'ownedBy')) out.push(stmt(`ALTER SEQUENCE ${name(to)} ${options(to)}`, 'accessExclusive'));
    if (fields.includes('comment')) out.push(commentOn(`SEQUENCE ${name(to)}`, to.comment));
    return out;
  },
};
