import { parseSync } from '../sql/parser.ts';
import type { Queryable } from '../db/queryable.ts';
import { ident } from '../sql/quote.ts';
import type { SourceStatement } from './sources.ts';

const BUILTIN = new Set(['public', 'current_user', 'session_user', 'current_role']);

/** Statements that can name a role at all; only these are looked at (a cheap filter before any parse). */
export const mayNameRoles = (sql: string): boolean => /\b(to|from|owner|role|authorization)\b/i.test(sql);

/** Role names a parse tree mentions (GRANT … TO, CREATE POLICY … TO, OWNER TO …). */
export function rolesIn(tree: unknown): string[] {
  const roles = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const spec = (node as { RoleSpec?: { roletype?: string; rolename?: string } }).RoleSpec;
    if (spec?.roletype === 'ROLESPEC_CSTRING' && spec.rolename && !BUILTIN.has(spec.rolename)) roles.add(spec.rolename);
    for (const v of Object.values(node)) visit(v);
  };
  visit(tree);
  return [...roles];
}

/**
 * Role names the statements mention. A format that parsed its statements says which roles each names; the
 * others are parsed here (libpg-query keeps a little memory per call: 20,000 more parses cost 40 MB).
 */
export function referencedRoles(statements: readonly SourceStatement[]): Set<string> {
  const roles = new Set<string>();
  for (const s of statements) {
    if (s.roles) {
      for (const r of s.roles) roles.add(r);
      continue;
    }
    if (!mayNameRoles(s.sql)) continue;
    try {
      for (const r of rolesIn(parseSync(s.sql))) roles.add(r);
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
