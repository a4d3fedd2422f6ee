import { z } from 'zod';
import { appTables, columnsOf, singular, tableSql, toSnake, words } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';

export default defineRule({
  name: 'near-duplicate-tables',
  meta: {
    description: 'Tables that look like two versions of one table (audit_log/audit_logs, events/telemetry_events, or mostly the same columns).',
    defaultSeverity: 'warn',
    messages: {
      sameName: 'table {{table}} and {{other}} differ only in {{how}}; consolidate them',
      affix: 'table {{table}} looks like {{other}} with a "{{affix}}" affix; consolidate them',
      columns: 'table {{table}} shares {{percent}}% of its columns with {{other}}; consolidate them',
    },
    options: z.strictObject({
      /** Words that, added before or after a name, make a variant of the same table. */
      affixes: z.array(z.string()),
      /** Share of (normalized) column names above which two tables are reported. */
      columnOverlap: z.number().min(0).max(1),
      /** Tables need this many columns, not counting the ignored ones, to be compared by columns. */
      minColumns: z.number().int().min(1),
      ignoreColumns: z.array(z.string()),
    }),
  },
  defaultOptions: {
    affixes: ['telemetry', 'app', 'legacy', 'old', 'new', 'tmp', 'temp', 'backup', 'bak', 'copy', 'archive', 'v1', 'v2', 'v3'],
    columnOverlap: 0.75,
    minColumns: 4,
    ignoreColumns: ['id', 'created_at', 'updated_at'],
  },
  check(ctx) {
    const { affixes, columnOverlap, minColumns, ignoreColumns } = ctx.options;
    const tables = appTables(ctx.catalog, ctx.schemas).map((t) => {
      const ws = words(t.id.name).map(singular);
      const core = ws.filter((w, i) => !(affixes.includes(w) && (i === 0 || i === ws.length - 1)) || ws.length === 1);
      const cols = new Set(columnsOf(ctx.catalog, t.id).map((c) => toSnake(c.id.name)).filter((c) => !ignoreColumns.includes(c)));
      return { t, key: ws.join('_'), core: core.join('_'), dropped: ws.filter((w) => !core.includes(w)), cols };
    });
    for (let i = 0; i < tables.length; i++) {
      for (let j = i + 1; j < tables.length; j++) {
        const a = tables[i]!;
        const b = tables[j]!;
        const data = { table: tableSql(b.t.id), other: tableSql(a.t.id) };
        if (a.key === b.key) {
          const flat = (n: string) => n.toLowerCase().replaceAll('_', '');
          const how = a.t.id.name === b.t.id.name ? 'schema' : flat(a.t.id.name) === flat(b.t.id.name) ? 'letter case' : 'singular/plural';
          ctx.report({ messageId: 'sameName', target: b.t.id, data: { ...data, how } });
        } else if (a.core === b.core) {
          const affix = [...a.dropped, ...b.dropped].join(', ');
          ctx.report({ messageId: 'affix', target: b.t.id, data: { ...data, affix } });
        } else if (a.cols.size >= minColumns && b.cols.size >= minColumns) {
          const shared = [...a.cols].filter((c) => b.cols.has(c)).length;
          const ratio = shared / new Set([...a.cols, ...b.cols]).size;
          if (ratio >= columnOverlap) ctx.report({ messageId: 'columns', target: b.t.id, data: { ...data, percent: Math.round(ratio * 100) } });
        }
      }
    }
  },
});
