import { getObject } from '../model/catalog.ts';
import { stmt, type Statement } from '../model/change.ts';
import type { ConstraintObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { DdlContext, KindModule } from './kind.ts';

const table = (o: ConstraintObject) => qualified(o.id.schema, o.id.table);

/** The definition the plan writes: as the desired state wrote it where Postgres' text is not a fixpoint. */
export const writtenDefinition = (c: ConstraintObject): string => c.source?.definition ?? c.definition;

/**
 * A partition's constraint attached to its parent's constraint exists because the parent's does: Postgres
 * creates it with the partition (or with the parent's constraint, recursing) and drops it with them.
 */
export const inheritedFromParent = (c: ConstraintObject): boolean => c.attachedTo?.kind === 'constraint';

/**
 * Foreign keys are always added after both tables exist, so mutually referencing tables need no special case;
 * NOT VALID constraints too, since CREATE TABLE ignores NOT VALID. A constraint inherited from the partition's
 * parent is not written at all (a second PRIMARY KEY would fail).
 */
export const inlineInCreateTable = (c: ConstraintObject): boolean => c.type !== 'foreignKey' && c.validated && !inheritedFromParent(c);

/** Created (or dropped) by its table's CREATE (DROP) TABLE: written inline, or inherited from the parent. */
export const createdWithTable = (c: ConstraintObject): boolean => inlineInCreateTable(c) || inheritedFromParent(c);

/** The parent index (or constraint) this constraint's index is attached to is the same before and after. */
export function parentKept(o: ConstraintObject, ctx: DdlContext): boolean {
  if (!o.attachedTo) return false;
  const before = getObject(ctx.current, o.attachedTo);
  const after = getObject(ctx.desired, o.attachedTo);
  return !!before && !!after && 'definition' in before && 'definition' in after && before.definition === after.definition;
}

/** The partition already is a partition of the same parent: nothing attaches its indexes for us. */
export function partitionExisted(o: ConstraintObject, ctx: DdlContext): boolean {
  const id = { kind: 'table' as const, schema: o.id.schema, name: o.id.table };
  const before = getObject(ctx.current, id);
  const after = getObject(ctx.desired, id);
  if (before?.kind !== 'table' || after?.kind !== 'table' || !before.partitionOf || !after.partitionOf) return false;
  return before.partitionOf.schema === after.partitionOf.schema && before.partitionOf.name === after.partitionOf.name;
}

/**
 * A partition that exists under a parent index that stays is attached explicitly (ATTACH PARTITION and CREATE
 * INDEX on the parent attach an equivalent index themselves; a partition created under the parent index gets an
 * index of its own, see diff/partition-backing.ts). A constraint inherited from the parent's is otherwise made
 * by Postgres, with the partition or the parent's constraint.
 */
function createConstraint(o: ConstraintObject, ctx: DdlContext): Statement[] {
  const attach = o.attachedTo !== null && parentKept(o, ctx) && partitionExisted(o, ctx);
  if (inheritedFromParent(o) && !attach) return [];
  const hazards =
    o.type === 'foreignKey' || o.type === 'check'
      ? [{ code: 'validation-scan' as const, detail: `scans ${o.id.table} to validate ${o.id.name}` }]
      : o.type === 'primaryKey' || o.type === 'unique' || o.type === 'exclusion'
        ? [{ code: 'blocks-writes' as const, detail: `builds an index on ${o.id.table} while holding a lock` }]
        : [];
  return [
    stmt(`ALTER TABLE ${table(o)} ADD CONSTRAINT ${ident(o.id.name)} ${writtenDefinition(o)}`, o.type === 'foreignKey' ? 'shareRowExclusive' : 'accessExclusive', hazards),
    // A constraint's index has the constraint's name.
    ...(attach ? [stmt(`ALTER INDEX ${qualified(o.attachedTo!.schema, o.attachedTo!.name)} ATTACH PARTITION ${qualified(o.id.schema, o.id.name)}`, 'shareUpdateExclusive')] : []),
    ...commentIfAny(`CONSTRAINT ${ident(o.id.name)} ON ${table(o)}`, o.comment),
  ];
}

/** An inherited constraint cannot be dropped on its own: it goes with the parent's constraint. */
const dropConstraint = (o: ConstraintObject, ctx: DdlContext): Statement[] =>
  inheritedFromParent(o) && !parentKept(o, ctx) ? [] : [stmt(`ALTER TABLE ${table(o)} DROP CONSTRAINT ${ident(o.id.name)}`, 'accessExclusive')];

export const constraintKind: KindModule<'constraint'> = {
  kind: 'constraint',
  weight: 12,
  alterable: ['comment'],
  create: createConstraint,
  drop: dropConstraint,
  alter: (_from, to) => [commentOn(`CONSTRAINT ${ident(to.id.name)} ON ${table(to)}`, to.comment)],
  renameShape: (o) => `${o.id.schema}\u0000${o.id.table}\u0000${o.type}\u0000${o.definition}`,
  rename: (from, to) => [stmt(`ALTER TABLE ${table(to)} RENAME CONSTRAINT ${ident(from.id.name)} TO ${ident(to.id.name)}`, 'accessExclusive')],
};
