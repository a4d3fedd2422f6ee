import type { DefaultPrivilegeType, ObjectId } from '../model/identity.ts';
import type { DefaultPrivilegeObject, GrantObject } from '../model/objects.ts';

/** Row → object converters for grant.sql and default_privilege.sql. */
type Row = Record<string, any>;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : String(v ?? '{}').replace(/^\{|\}$/g, '').split(',').filter(Boolean));
const sorted = (v: unknown) => list(v).sort();

function grantTarget(r: Row): ObjectId {
  switch (r.on_kind) {
    case 'schema':
      return { kind: 'schema', name: r.name };
    case 'function':
      return { kind: 'function', schema: r.schema, name: r.name, args: list(r.args) };
    case 'table':
    case 'view':
    case 'matview':
    case 'sequence':
    case 'type':
      return { kind: r.on_kind, schema: r.schema, name: r.name };
    default:
      throw new Error(`bug: grant on unknown kind ${String(r.on_kind)}`);
  }
}

export function readGrant(r: Row): GrantObject {
  const on = grantTarget(r);
  return {
    kind: 'grant',
    id: r.column_name ? { kind: 'grant', on, grantee: r.grantee, column: r.column_name } : { kind: 'grant', on, grantee: r.grantee },
    comment: null,
    privileges: sorted(r.privileges),
    grantable: sorted(r.grantable),
  };
}

const OBJTYPE: Record<string, DefaultPrivilegeType> = { r: 'tables', S: 'sequences', f: 'functions', T: 'types', n: 'schemas' };

export const readDefaultPrivilege = (r: Row): DefaultPrivilegeObject => ({
  kind: 'defaultPrivilege',
  id: { kind: 'defaultPrivilege', role: r.role, schema: r.schema ?? null, objtype: OBJTYPE[r.objtype]!, grantee: r.grantee },
  comment: null,
  privileges: sorted(r.privileges),
  grantable: sorted(r.grantable),
});
