import { stmt } from '../model/change.ts';
import { ident } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { KindModule } from './kind.ts';

export const schemaKind: KindModule<'schema'> = {
  kind: 'schema',
  weight: 0,
  alterable: ['comment'],
  create: (o) => [stmt(`CREATE SCHEMA ${ident(o.id.name)}`, 'none'), ...commentIfAny(`SCHEMA ${ident(o.id.name)}`, o.comment)],
  drop: (o) => [stmt(`DROP SCHEMA ${ident(o.id.name)}`, 'accessExclusive', [{ code: 'data-loss', detail: `drops schema ${o.id.name}` }])],
  alter: (_from, to) => [commentOn(`SCHEMA ${ident(to.id.name)}`, to.comment)],
};
