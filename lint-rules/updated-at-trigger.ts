import { z } from 'zod';
import { ofKind } from '../src/model/catalog.ts';
import type { FunctionObject } from '../src/model/objects.ts';
import { appTables, columnsOf, tableSql, triggersOf } from '../src/lint/helpers.ts';
import { stripSqlComments } from '../src/lint/sql-text.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident, qualified } from '../src/sql/quote.ts';

const BEFORE_UPDATE_ROW = /^CREATE (?:CONSTRAINT )?TRIGGER .*? BEFORE\b(?:(?! ON ).)*\bUPDATE\b.* FOR EACH ROW /is;

/** Does the function body really assign NEW.<column>? Comments are stripped so dead code does not count. */
export function assignsColumn(fn: FunctionObject, column: string): boolean {
  const names = [`"${column.replaceAll('"', '""')}"`];
  if (/^[a-z_][a-z0-9_]*$/.test(column)) names.push(column);
  const alt = names.map((n) => n.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&')).join('|');
  return new RegExp(`\\bnew\\s*\\.\\s*(?:${alt})(?![\\w"])\\s*:?=(?!=)`, 'i').test(stripSqlComments(fn.definition));
}

export default defineRule({
  name: 'updated-at-trigger',
  meta: {
    description: 'Tables with an updatedAt column keep it current with a BEFORE UPDATE row trigger whose function really sets it.',
    defaultSeverity: 'error',
    messages: {
      missing: 'table {{table}} has "{{column}}" but no BEFORE UPDATE FOR EACH ROW trigger maintains it',
      notSet: 'trigger {{trigger}} runs {{function}}, which never assigns NEW."{{column}}"',
      disabled: 'trigger {{trigger}} that maintains "{{column}}" is disabled',
    },
    options: z.strictObject({
      column: z.string(),
      /** Function suggested in fixes when no function in the schema sets the column yet. */
      function: z.string(),
    }),
  },
  defaultOptions: { column: 'updatedAt', function: 'public.set_updated_at' },
  check(ctx) {
    const { column } = ctx.options;
    const functions = ofKind(ctx.catalog, 'function');
    const find = (schema: string, name: string) => functions.filter((f) => f.id.schema === schema && f.id.name === name);
    const setter = functions.find((f) => f.returns === 'trigger' && assignsColumn(f, column));
    const fixFn = setter ? qualified(setter.id.schema, setter.id.name) : ctx.options.function;
    for (const table of appTables(ctx.catalog, ctx.schemas)) {
      if (!columnsOf(ctx.catalog, table.id).some((c) => c.id.name === column)) continue;
      const candidates = triggersOf(ctx.catalog, table.id).filter((t) => BEFORE_UPDATE_ROW.test(t.definition));
      const working = candidates.filter((t) => {
        if (t.function.name === 'moddatetime') return t.definition.includes(`'${column}'`);
        return find(t.function.schema, t.function.name).some((f) => assignsColumn(f, column));
      });
      if (working.some((t) => t.enabled !== 'disabled')) continue;
      const data = { table: tableSql(table.id), column };
      if (working.length) {
        for (const t of working) ctx.report({ messageId: 'disabled', target: t.id, data: { ...data, trigger: t.id.name }, fix: `ALTER TABLE ${tableSql(table.id)} ENABLE TRIGGER ${ident(t.id.name)};` });
        continue;
      }
      const fix = `CREATE TRIGGER ${ident(`${table.id.name}_set_updated_at`)} BEFORE UPDATE ON ${tableSql(table.id)} FOR EACH ROW EXECUTE FUNCTION ${fixFn}();`;
      if (candidates.length) {
        for (const t of candidates) ctx.report({ messageId: 'notSet', target: t.id, data: { ...data, trigger: t.id.name, function: qualified(t.function.schema, t.function.name) }, fix });
      } else ctx.report({ messageId: 'missing', target: table.id, data, fix });
    }
  },
});
