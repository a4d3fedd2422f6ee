import { z } from 'zod';
import { appTables, grantsOn, hasGrants, policiesOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident } from '../src/sql/quote.ts';

const COMMANDS = ['select', 'insert', 'update', 'delete'] as const;

export default defineRule({
  name: 'authenticated-grants',
  meta: {
    description: 'Privileges granted to API roles (authenticated, anon) match the table\'s policies: no policy without the grant it needs, no grant without RLS.',
    defaultSeverity: 'error',
    messages: {
      exposedWithoutRls: 'table {{table}} grants {{privileges}} to {{role}} without row level security: every row is exposed',
      missingGrant: 'policy {{policy}} lets {{role}} {{command}} on {{table}}, but {{role}} has no {{command}} privilege, so the policy is dead',
      grantWithoutPolicy: '{{role}} may {{command}} on {{table}} but no policy allows it for {{role}}, so the grant is dead',
    },
    options: z.strictObject({
      roles: z.array(z.string()),
      reportGrantWithoutPolicy: z.boolean(),
    }),
  },
  defaultOptions: { roles: ['authenticated', 'anon'], reportGrantWithoutPolicy: true },
  check(ctx) {
    if (!hasGrants(ctx.catalog)) return;
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const t = tableSql(table.id);
      const grants = grantsOn(ctx.catalog, table.id);
      const policies = policiesOf(ctx.catalog, table.id);
      for (const role of ctx.options.roles) {
        const privileges = new Set(
          grants.filter((g) => g.id.grantee === role || g.id.grantee.toLowerCase() === 'public').flatMap((g) => g.privileges.map((p) => p.toLowerCase())),
        );
        const granted = COMMANDS.filter((c) => privileges.has(c));
        if (!table.rls) {
          if (granted.length) {
            ctx.report({ messageId: 'exposedWithoutRls', target: table.id, data: { table: t, role, privileges: granted.map((g) => g.toUpperCase()).join(', ') }, fix: `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;` });
          }
          continue;
        }
        const mine = policies.filter((p) => p.roles.includes(role) || p.roles.includes('public') || p.roles.includes('PUBLIC'));
        const allowed = new Set(mine.flatMap((p) => (p.command === 'all' ? [...COMMANDS] : [p.command])));
        for (const p of mine) {
          for (const command of p.command === 'all' ? COMMANDS : [p.command]) {
            if (privileges.has(command)) continue;
            ctx.report({
              messageId: 'missingGrant',
              target: p.id,
              data: { policy: p.id.name, role, command: command.toUpperCase(), table: t },
              fix: `GRANT ${command.toUpperCase()} ON ${t} TO ${ident(role)};`,
            });
          }
        }
        if (!ctx.options.reportGrantWithoutPolicy) continue;
        for (const command of granted) {
          if (allowed.has(command)) continue;
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
