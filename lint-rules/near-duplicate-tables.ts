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
    // Linear in the number of tables: name matches through maps; each table is reported once, against the
    // first table it duplicates. Tables whose exact column set three or more tables share follow a pattern
    // (generated or per-tenant tables), not a copy, and are left out of the column comparison.
    type Entry = (typeof tables)[number];
    const reported = new Set<Entry>();
    const report = (a: Entry, b: Entry, messageId: 'sameName' | 'affix' | 'columns', extra: Record<string, string | number>) => {
      if (reported.has(b)) return;
      reported.add(b);
      ctx.report({ messageId, target: b.t.id, data: { table: tableSql(b.t.id), other: tableSql(a.t.id), ...extra } });
    };
    const firstBy = (key: (e: Entry) => string, onMatch: (first: Entry, e: Entry) => void) => {
      const first = new Map<string, Entry>();
      for (const e of tables) {
        const k = key(e);
        const f = first.get(k);
        if (f) onMatch(f, e);
        else first.set(k, e);
      }
    };
    const flat = (n: string) => n.toLowerCase().replaceAll('_', '');
    firstBy(
      (e) => e.key,
      (a, b) => report(a, b, 'sameName', { how: a.t.id.name === b.t.id.name ? 'schema' : flat(a.t.id.name) === flat(b.t.id.name) ? 'letter case' : 'singular/plural' }),
    );
    firstBy(
      (e) => e.core,
      (a, b) => a.key !== b.key && report(a, b, 'affix', { affix: [...a.dropped, ...b.dropped].join(', ') }),
    );
    const signature = (e: Entry) => [...e.cols].sort().join(',');
    const shared = new Map<string, number>();
    for (const e of tables) shared.set(signature(e), (shared.get(signature(e)) ?? 0) + 1);
    const candidates = tables.filter((e) => e.cols.size >= minColumns && shared.get(signature(e))! < 3);
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const a = candidates[i]!;
        const b = candidates[j]!;
        if (reported.has(b) || a.key === b.key || a.core === b.core) continue;
        const common = [...a.cols].filter((c) => b.cols.has(c)).length;
        const ratio = common / new Set([...a.cols, ...b.cols]).size;
        if (ratio >= columnOverlap) report(a, b, 'columns', { percent: Math.round(ratio * 100) });
      }
    }
  },
});
