import picomatch from 'picomatch';
import { z } from 'zod';
import { appTables, bypassOnly, policiesOf, tableSql } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import type { PolicyObject, TableObject } from '../src/model/objects.ts';
import { ident } from '../src/sql/quote.ts';

type Style = 'FOR ALL' | 'per-command';

export default defineRule({
  name: 'inconsistent-policies',
  meta: {
    description: 'Policies follow one pattern per group of tables: no policies for roles that bypass RLS anyway, and FOR ALL vs per-command policies not mixed.',
    defaultSeverity: 'warn',
    messages: {
      redundantBypass: 'policy {{policy}} only admits {{roles}}, which bypasses row level security anyway; the policy changes nothing',
      mixedInTable: 'table {{table}} mixes FOR ALL and per-command policies',
      mixedInGroup: 'table {{table}} uses {{style}} policies while most tables of group "{{group}}" use {{majority}} policies',
    },
    options: z.strictObject({
      /** Roles with BYPASSRLS (Supabase's service_role). */
      bypassRoles: z.array(z.string()),
      /** Group name → table globs (`public.org_*`); tables in no group are grouped by schema. */
      groups: z.record(z.string(), z.array(z.string())),
      allowMixedInTable: z.boolean(),
    }),
  },
  defaultOptions: { bypassRoles: ['service_role'], groups: {} as Record<string, string[]>, allowMixedInTable: false },
  check(ctx) {
    const { bypassRoles } = ctx.options;
    const matchers = Object.entries(ctx.options.groups).map(([name, globs]) => ({ name, match: picomatch(globs) }));
    const groupOf = (t: TableObject) => matchers.find((m) => m.match(`${t.id.schema}.${t.id.name}`))?.name ?? t.id.schema;
    const styled = new Map<string, { table: TableObject; style: Style }[]>();
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      const effective: PolicyObject[] = [];
      for (const p of policiesOf(ctx.catalog, table.id)) {
        const bypass = bypassOnly(p, bypassRoles);
        if (bypass) {
          ctx.report({
            messageId: 'redundantBypass',
            target: p.id,
            data: { policy: p.id.name, roles: bypass },
            fix: `DROP POLICY ${ident(p.id.name)} ON ${tableSql(table.id)};`,
          });
        } else effective.push(p);
      }
      if (!effective.length) continue;
      const all = effective.filter((p) => p.command === 'all').length;
      if (all && all < effective.length) {
        if (!ctx.options.allowMixedInTable) ctx.report({ messageId: 'mixedInTable', target: table.id, data: { table: tableSql(table.id) } });
        continue;
      }
      const group = groupOf(table);
      const list = styled.get(group) ?? [];
      list.push({ table, style: all ? 'FOR ALL' : 'per-command' });
      styled.set(group, list);
    }
    for (const [group, list] of styled) {
      const forAll = list.filter((x) => x.style === 'FOR ALL').length;
      const perCommand = list.length - forAll;
      if (!forAll || !perCommand) continue;
      // Per-command policies are the more explicit pattern, so a tie goes to them.
      const majority: Style = forAll > perCommand ? 'FOR ALL' : 'per-command';
      for (const x of list) {
        if (x.style !== majority) ctx.report({ messageId: 'mixedInGroup', target: x.table.id, data: { table: tableSql(x.table.id), style: x.style, majority, group } });
      }
    }
  },
});
