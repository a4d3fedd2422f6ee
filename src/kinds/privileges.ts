import { stmt, type Statement } from '../model/change.ts';
import { ident } from '../sql/quote.ts';

/** What one grantee holds: `grantable` ⊆ `privileges` are held WITH GRANT OPTION. */
export interface Held {
  readonly privileges: readonly string[];
  readonly grantable: readonly string[];
}

export const NOTHING: Held = { privileges: [], grantable: [] };

export const granteeSql = (g: string) => (g === 'PUBLIC' ? 'PUBLIC' : ident(g));

const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

/**
 * GRANT/REVOKE statements taking a grantee from `from` to `to`. `floor` (default `from`) is what it surely
 * holds, `from` what it may hold: revokes cover everything it may hold, grants everything it may lack.
 * `render(privileges)` turns privilege names into the list (with column names for column grants).
 */
export function privilegeStatements(
  from: Held,
  to: Held,
  on: string,
  grantee: string,
  render: (privileges: readonly string[]) => string,
  floor: Held = from,
): Statement[] {
  const g = granteeSql(grantee);
  const hazards = [{ code: 'authz-change' as const, detail: `privileges of ${grantee} on ${on}` }];
  const out: Statement[] = [];
  const revoke = minus(from.privileges, to.privileges);
  if (revoke.length) out.push(stmt(`REVOKE ${render(revoke)} ON ${on} FROM ${g}`, 'none', hazards));
  const revokeOption = minus(from.grantable.filter((p) => to.privileges.includes(p)), to.grantable);
  if (revokeOption.length) out.push(stmt(`REVOKE GRANT OPTION FOR ${render(revokeOption)} ON ${on} FROM ${g}`, 'none', hazards));
  const grant = minus(minus(to.privileges, floor.privileges), to.grantable);
  if (grant.length) out.push(stmt(`GRANT ${render(grant)} ON ${on} TO ${g}`, 'none', hazards));
  const grantOption = minus(to.grantable, floor.grantable);
  if (grantOption.length) out.push(stmt(`GRANT ${render(grantOption)} ON ${on} TO ${g} WITH GRANT OPTION`, 'none', hazards));
  return out;
}

/** Built-in privileges PUBLIC holds on a new object (acldefault), and on schema public (initdb). */
export function builtinPublic(kind: string, name: string, serverVersion: number): Held {
  if (kind === 'function') return { privileges: ['EXECUTE'], grantable: [] };
  if (kind === 'type') return { privileges: ['USAGE'], grantable: [] };
  if (kind === 'schema' && name === 'public') return { privileges: serverVersion >= 150000 ? ['USAGE'] : ['CREATE', 'USAGE'], grantable: [] };
  return NOTHING;
}

export const union = (a: Held, b: Held): Held => ({
  privileges: [...new Set([...a.privileges, ...b.privileges])].sort(),
  grantable: [...new Set([...a.grantable, ...b.grantable])].sort(),
});
