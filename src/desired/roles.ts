import { parseSync } from 'libpg-query';
import type { Queryable } from '../db/queryable.ts';
import { ident } from '../sql/quote.ts';
import type { SourceStatement } from './sources.ts';

const BUILTIN = new Set(['public', 'current_user', 'session_user', 'current_role']);

/** Role names the statements mention (GRANT … TO, CREATE POLICY … TO, OWNER TO …), from the parse tree. */
export function referencedRoles(statements: readonly SourceStatement[]): Set<string> {
  const roles = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const spec = (node as { RoleSpec?: { roletype?: string; rolename?: string } }).RoleSpec;
    if (spec?.roletype === 'ROLESPEC_CSTRING' && spec.rolename && !BUILTIN.has(spec.rolename)) roles.add(spec.rolename);
    for (const v of Object.values(node)) visit(v);
  };
  for (const s of statements) {
    if (!/\b(to|from|owner|role|authorization)\b/i.test(s.sql)) continue; // cheap pre-filter before parsing
    try {
      visit(parseSync(s.sql));
    } catch {
      // Unparseable statements are reported when the shadow executes them.
    }
  }
  return roles;
}

/** Creates the roles the desired state needs but the shadow lacks; returns the ones it created. */
export async function createMissingRoles(db: Queryable, roles: Iterable<string>): Promise<string[]> {
  const wanted = [...roles];
  if (!wanted.length) return [];
  const { rows } = await db.query<{ rolname: string }>(`select rolname from pg_roles where rolname = any($1::text[])`, [wanted]);
  const have = new Set(rows.map((r) => r.rolname));
  const created: string[] = [];
  for (const role of wanted) {
    if (have.has(role)) continue;
    try {
      await db.exec(`CREATE ROLE ${ident(role)} NOLOGIN`);
      created.push(role);
    } catch {
      // Created concurrently by another shadow on the same server: fine.
    }
  }
  return created;
}
