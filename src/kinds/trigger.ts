import { stmt } from '../model/change.ts';
import type { TriggerObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { KindModule } from './kind.ts';

const on = (o: TriggerObject) => `${ident(o.id.name)} ON ${qualified(o.id.schema, o.id.table)}`;
const ENABLE = { origin: 'ENABLE', disabled: 'DISABLE', replica: 'ENABLE REPLICA', always: 'ENABLE ALWAYS' } as const;
const enable = (o: TriggerObject) => stmt(`ALTER TABLE ${qualified(o.id.schema, o.id.table)} ${ENABLE[o.enabled]} TRIGGER ${ident(o.id.name)}`, 'shareRowExclusive');

export const triggerKind: KindModule<'trigger'> = {
  kind: 'trigger',
  weight: 21,
  alterable: ['enabled', 'comment'],
  create: (o) => [stmt(o.definition, 'shareRowExclusive'), ...(o.enabled === 'origin' ? [] : [enable(o)]), ...commentIfAny(`TRIGGER ${on(o)}`, o.comment)],
  drop: (o) => [stmt(`DROP TRIGGER ${on(o)}`, 'accessExclusive')],
  alter: (_from, to, fields) => [...(fields.includes('enabled') ? [enable(to)] : []), ...(fields.includes('comment') ? [commentOn(`TRIGGER ${on(to)}`, to.comment)] : [])],
};
