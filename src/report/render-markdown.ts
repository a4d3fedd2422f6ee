import type { GapReport, ReportItem } from './model.ts';

/** One line per item, the fix indented below it; multi-line SQL fixes as a fenced block. */
function itemLines(item: ReportItem, n: number): string[] {
  const out = [`${n}. **${item.object}** - ${item.message} _(${item.source})_`];
  if (!item.fix) return out;
  if (!item.fix.includes('\n')) return [...out, `   - **Fix:** ${/^[A-Z]+ /.test(item.fix) ? `\`${item.fix}\`` : item.fix}`];
  const [first, ...rest] = item.fix.split('\n');
  const sqlOnly = /^[A-Z]+ /.test(first!);
  const lead = sqlOnly ? '' : ` ${first}`;
  const body = sqlOnly ? [first!, ...rest] : rest;
  return [...out, `   - **Fix:**${lead}`, '     ```sql', ...body.map((l) => `     ${l}`), '     ```'];
}

/** The gap report in the seed document's layout (schema-gaps.md). */
export function renderMarkdown(report: GapReport): string {
  const out = ['# Database Schema Gaps & Inconsistencies', '', `This report compares the target (${report.target}) with the desired state (${report.desired}).`, '', '---', ''];
  for (const section of report.sections) {
    out.push(`## ⚠️ ${section.title}`, '');
    for (const sub of section.subsections) {
      out.push(`### ${sub.heading}`);
      sub.items.forEach((item, i) => out.push(...itemLines(item, i + 1)));
      out.push('');
    }
    out.push('---', '');
  }
  out.push('## Action Items', '', ...report.actions.summary.map((s, i) => `${i + 1}. ${s}`), '', '### Migration', '', '```sql', report.actions.sql.trimEnd(), '```', '');
  return out.join('\n');
}
