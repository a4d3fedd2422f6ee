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

const DEFERRAL = / (NOT DEFERRABLE|DEFERRABLE)( INITIALLY (DEFERRED|IMMEDIATE))?/;

/** The definition without what ALTER can change: NOT VALID, and (for a foreign key) its deferrability. */
function fixedPart(c: ConstraintObject): string {
  const d = c.definition.replace(/ NOT VALID$/, '');
  return c.type === 'foreignKey' ? d.replace(DEFERRAL, '') : d;
}

/** `DEFERRABLE INITIALLY DEFERRED`, `DEFERRABLE INITIALLY IMMEDIATE` or `NOT DEFERRABLE`, as ALTER CONSTRAINT takes it. */
function deferral(c: ConstraintObject): string {
  const m = DEFERRAL.exec(c.definition);
  if (!m || m[1] === 'NOT DEFERRABLE') return 'NOT DEFERRABLE';
  return `DEFERRABLE INITIALLY ${m[3] ?? 'IMMEDIATE'}`;
}

/**
 * In place: a NOT VALID constraint becoming valid (VALIDATE CONSTRAINT, which scans without blocking writes) and a
 * foreign key's deferrability (ALTER CONSTRAINT). Anything else in the definition means drop and add.
 */
function alterableInPlace(from: ConstraintObject, to: ConstraintObject): boolean {
  return from.type === to.type && fixedPart(from) === fixedPart(to) && (to.validated || !from.validated);
}

function alterConstraint(from: ConstraintObject, to: ConstraintObject, fields: readonly string[]): Statement[] {
  const at = `ALTER TABLE ${table(to)}`;
  const c = ident(to.id.name);
  const out: Statement[] = [];
  if (to.type === 'foreignKey' && deferral(from) !== deferral(to)) out.push(stmt(`${at} ALTER CONSTRAINT ${c} ${deferral(to)}`, 'shareRowExclusive'));
  if (!from.validated && to.validated) {
    out.push(stmt(`${at} VALIDATE CONSTRAINT ${c}`, 'shareUpdateExclusive', [{ code: 'validation-scan', detail: `scans ${to.id.table} to validate ${to.id.name} (writes go on meanwhile)` }]));
  }
  if (fields.includes('comment')) out.push(commentOn(`CONSTRAINT ${c} ON ${table(to)}`, to.comment));
  return out;
}

/** An inherited constraint cannot be dropped on its own: it goes with the parent's constraint. */
const dropConstraint = (o: ConstraintObject, ctx: DdlContext): Statement[] =>
  inheritedFromParent(o) && !parentKept(o, ctx) ? [] : [stmt(`ALTER TABLE ${table(o)} DROP CONSTRAINT ${ident(o.id.name)}`, 'accessExclusive')];

export const constraintKind: KindModule<'constraint'> = {
  kind: 'constraint',
  weight: 12,
  alterable: ['comment', 'definition', 'validated'],
  mustReplace: (from, to, fields) => (fields.includes('definition') || fields.includes('validated')) && !alterableInPlace(from, to),
  create: createConstraint,
  drop: dropConstraint,
  alter: alterConstraint,
  renameShape: (o) => `${o.id.schema}\u0000${o.id.table}\u0000${o.type}\u0000${o.definition}`,
  rename: (from, to) => [stmt(`ALTER TABLE ${table(to)} RENAME CONSTRAINT ${ident(from.id.name)} TO ${ident(to.id.name)}`, 'accessExclusive')],
};
