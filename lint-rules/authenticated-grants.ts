import { z } from 'zod';
import { ofKind } from '../src/model/catalog.ts';
import type { FunctionObject, PolicyObject } from '../src/model/objects.ts';
import { appTables, bypassOnly, grantsOn, hasGrants, policiesOf, privilegesOn, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { qualifiedCalls } from '../src/lint/sql-text.ts';
import { ident, qualified } from '../src/sql/quote.ts';

const COMMANDS = ['select', 'insert', 'update', 'delete'] as const;
const isPublic = (role: string) => role.toLowerCase() === 'public';

export default defineRule({
  name: 'authenticated-grants',
  meta: {
    description: 'Privileges of the API roles (authenticated, anon) agree with row level security: policies have the grants they need, functions they call are executable, no grant without RLS.',
    defaultSeverity: 'error',
    messages: {
      exposedWithoutRls: 'table {{table}} grants {{privileges}} to {{role}} without row level security: every row is exposed',
      missingGrant: 'policy {{policy}} allows {{command}} for {{roles}}, but none of them has that privilege on {{table}}, so the policy is dead',
      functionNotExecutable: 'policy {{policy}} calls {{function}}, which {{roles}} cannot execute, so queries under it fail',
      grantWithoutPolicy: '{{role}} may {{command}} on {{table}} but no policy allows it for {{role}}, so the grant is dead',
    },
    options: z.strictObject({
      roles: z.array(z.string()),
      /** Policies that only admit these roles (which bypass RLS) are left to inconsistent-policies. */
      bypassRoles: z.array(z.string()),
      /** Off by default: Supabase grants every table to the API roles and relies on RLS to deny. */
      reportGrantWithoutPolicy: z.boolean(),
    }),
  },
  defaultOptions: { roles: ['authenticated', 'anon'], bypassRoles: ['service_role'], reportGrantWithoutPolicy: false },
  check(ctx) {
    if (!hasGrants(ctx.catalog)) return;
    const { roles } = ctx.options;
    const functions = ofKind(ctx.catalog, 'function');
    const can = (grantees: { grantee: string; privileges: readonly string[] }[], role: string, privilege: string) =>
      grantees.some((g) => (g.grantee === role || isPublic(g.grantee)) && g.privileges.some((p) => p.toLowerCase() === privilege));
    /** The API roles a policy applies to: `TO public` means all of them. */
    const apiRolesOf = (p: PolicyObject) => (p.roles.some(isPublic) ? roles : p.roles.filter((r) => roles.includes(r)));
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const t = tableSql(table.id);
      const grants = grantsOn(ctx.catalog, table.id).map((g) => ({ grantee: g.id.grantee, privileges: g.privileges }));
      if (!table.rls) {
        for (const role of roles) {
          const granted = COMMANDS.filter((c) => can(grants, role, c));
          if (granted.length) {
            ctx.report({ messageId: 'exposedWithoutRls', target: table.id, data: { table: t, role, privileges: granted.map((g) => g.toUpperCase()).join(', ') }, fix: `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;` });
          }
        }
        continue;
      }
      const policies = policiesOf(ctx.catalog, table.id).filter((p) => !bypassOnly(p, ctx.options.bypassRoles));
      for (const p of policies) {
        const applies = apiRolesOf(p);
        if (!applies.length) continue;
        const missing = (p.command === 'all' ? COMMANDS : [p.command]).filter((c) => !applies.some((r) => can(grants, r, c)));
        if (missing.length) {
          const to = applies.includes('authenticated') ? 'authenticated' : applies[0]!;
          const command = missing.map((c) => c.toUpperCase()).join(', ');
          ctx.report({
            messageId: 'missingGrant',
            target: p.id,
            data: { policy: p.id.name, roles: applies.join(', '), command, table: t },
            fix: `GRANT ${command} ON ${t} TO ${ident(to)};`,
          });
        }
        for (const fn of calledFunctions(p, functions)) {
          const fnGrants = privilegesOn(ctx.catalog, fn.id);
          const denied = applies.filter((r) => !can(fnGrants, r, 'execute'));
          if (!denied.length) continue;
          const signature = `${qualified(fn.id.schema, fn.id.name)}(${fn.id.args.join(', ')})`;
          ctx.report({
            messageId: 'functionNotExecutable',
            target: p.id,
            data: { policy: p.id.name, function: signature, roles: denied.join(', ') },
            fix: `GRANT EXECUTE ON FUNCTION ${signature} TO ${denied.map(ident).join(', ')};`,
          });
        }
      }
      if (!ctx.options.reportGrantWithoutPolicy) continue;
      for (const role of roles) {
        const allowed = new Set(policies.filter((p) => apiRolesOf(p).includes(role)).flatMap((p) => (p.command === 'all' ? [...COMMANDS] : [p.command])));
        for (const command of COMMANDS) {
          if (!can(grants, role, command) || allowed.has(command)) continue;
          ctx.report({
            messageId: 'grantWithoutPolicy',
            target: { kind: 'grant', on: table.id, grantee: role },
            data: { role, command: command.toUpperCase(), table: t },
            fix: `REVOKE ${command.toUpperCase()} ON ${t} FROM ${ident(role)};`,
          });
        }
      }
    }
  },
});

/**
 * Catalog functions a policy's expressions call (overloads all count). pg_get_expr prints functions outside
 * the search path schema-qualified (`public.is_admin()`, `auth.uid()`), which is how introspection reads them.
 */
function calledFunctions(p: PolicyObject, functions: readonly FunctionObject[]): FunctionObject[] {
  const names = new Set(qualifiedCalls(`${p.using ?? ''} ${p.withCheck ?? ''}`).map((c) => `${c.schema}.${c.name}`));
  return functions.filter((f) => names.has(`${f.id.schema}.${f.id.name}`));
}
