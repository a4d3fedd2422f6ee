import type { DefaultPrivilegeObject } from '../model/objects.ts';
import { ident } from '../sql/quote.ts';
import type { Statement } from '../model/change.ts';
import type { KindModule } from './kind.ts';
import { NOTHING, privilegeStatements, type Held } from './privileges.ts';

const prefix = (o: DefaultPrivilegeObject) => `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(o.id.role)}${o.id.schema ? ` IN SCHEMA ${ident(o.id.schema)}` : ''} `;

/** Without any entry, new functions and types are usable by PUBLIC; per-schema entries only add to that. */
function baseline(o: DefaultPrivilegeObject): Held {
  if (o.id.schema !== null || o.id.grantee !== 'PUBLIC') return NOTHING;
  if (o.id.objtype === 'functions') return { privileges: ['EXECUTE'], grantable: [] };
  if (o.id.objtype === 'types') return { privileges: ['USAGE'], grantable: [] };
  return NOTHING;
}

function statements(o: DefaultPrivilegeObject, from: Held, to: Held): Statement[] {
  return privilegeStatements(from, to, o.id.objtype.toUpperCase(), o.id.grantee, (p) => p.join(', ')).map((s) => ({ ...s, sql: prefix(o) + s.sql }));
}

export const defaultPrivilegeKind: KindModule<'defaultPrivilege'> = {
  kind: 'defaultPrivilege',
  // Last: objects the plan creates get exactly the privileges it grants, not the new defaults.
  weight: 100,
  alterable: ['privileges', 'grantable'],
  create: (o) => statements(o, baseline(o), o),
  drop: (o) => statements(o, o, baseline(o)),
  alter: (from, to) => statements(to, from, to),
};
