import { stmt } from '../model/change.ts';
import type { ConstraintObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { KindModule } from './kind.ts';

const table = (o: ConstraintObject) => qualified(o.id.schema, o.id.table);

/**
 * Foreign keys are always added after both tables exist, so mutually referencing tables need no special case;
 * NOT VALID constraints too, since CREATE TABLE ignores NOT VALID.
 */
/** The definition the plan writes: as the desired state wrote it where Postgres' text is not a fixpoint. */
export const writtenDefinition = (c: ConstraintObject): string => c.source?.definition ?? c.definition;

export const inlineInCreateTable = (c: ConstraintObject): boolean => c.type !== 'foreignKey' && c.validated;

export const constraintKind: KindModule<'constraint'> = {
  kind: 'constraint',
  weight: 12,
  alterable: ['comment'],
  create(o) {
    const hazards =
      o.type === 'foreignKey' || o.type === 'check'
        ? [{ code: 'validation-scan' as const, detail: `scans ${o.id.table} to validate ${o.id.name}` }]
        : o.type === 'primaryKey' || o.type === 'unique' || o.type === 'exclusion'
          ? [{ code: 'blocks-writes' as const, detail: `builds an index on ${o.id.table} while holding a lock` }]
          : [];
    return [
      stmt(`ALTER TABLE ${table(o)} ADD CONSTRAINT ${ident(o.id.name)} ${writtenDefinition(o)}`, o.type === 'foreignKey' ? 'shareRowExclusive' : 'accessExclusive', hazards),
      ...commentIfAny(`CONSTRAINT ${ident(o.id.name)} ON ${table(o)}`, o.comment),
    ];
  },
  drop: (o) => [stmt(`ALTER TABLE ${table(o)} DROP CONSTRAINT ${ident(o.id.name)}`, 'accessExclusive')],
  alter: (_from, to) => [commentOn(`CONSTRAINT ${ident(to.id.name)} ON ${table(to)}`, to.comment)],
  rename: (from, to) => [stmt(`ALTER TABLE ${table(to)} RENAME CONSTRAINT ${ident(from.id.name)} TO ${ident(to.id.name)}`, 'accessExclusive')],
};
