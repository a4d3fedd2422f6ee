import { stmt } from '../model/change.ts';
import { ident } from '../sql/quote.ts';
import { commentOn } from './common.ts';
import type { KindModule } from './kind.ts';

export const extensionKind: KindModule<'extension'> = {
  kind: 'extension',
  weight: 1,
  alterable: ['schema', 'comment'],
  create: (o) => [stmt(`CREATE EXTENSION IF NOT EXISTS ${ident(o.id.name)} WITH SCHEMA ${ident(o.schema)}`, 'none')],
  drop: (o) => [stmt(`DROP EXTENSION ${ident(o.id.name)}`, 'accessExclusive', [{ code: 'data-loss', detail: `drops extension ${o.id.name} and what it provides` }])],
  alter: (_from, to, fields) => [
    ...(fields.includes('schema') ? [stmt(`ALTER EXTENSION ${ident(to.id.name)} SET SCHEMA ${ident(to.schema)}`, 'accessExclusive')] : []),
    ...(fields.includes('comment') ? [commentOn(`EXTENSION ${ident(to.id.name)}`, to.comment)] : []),
  ],
};
