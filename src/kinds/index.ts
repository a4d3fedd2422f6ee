import { stmt } from '../model/change.ts';
import type { IndexObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { KindModule } from './kind.ts';

const name = (o: IndexObject) => qualified(o.id.schema, o.id.name);

export const indexKind: KindModule<'index'> = {
  kind: 'index',
  weight: 13,
  alterable: ['comment'],
  create: (o) => [
    stmt(o.definition, 'share', [{ code: 'blocks-writes', detail: `blocks writes to ${o.table} while the index builds` }]),
    ...commentIfAny(`INDEX ${name(o)}`, o.comment),
  ],
  drop: (o) => [stmt(`DROP INDEX ${name(o)}`, 'accessExclusive')],
  alter: (_from, to) => [commentOn(`INDEX ${name(to)}`, to.comment)],
  rename: (from, to) => [stmt(`ALTER INDEX ${name(from)} RENAME TO ${ident(to.id.name)}`, 'accessExclusive')],
};
