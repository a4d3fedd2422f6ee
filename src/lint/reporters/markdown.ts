import { countBySeverity, plural, type LintResult } from '../finding.ts';

const ICON = { error: '🔴 error', warn: '🟠 warn', info: '🔵 info' } as const;
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', '<br>');

/** A Markdown section for plan output and pull-request comments. */
export function formatMarkdown(result: LintResult): string {
  const n = countBySeverity(result.findings);
  const lines = [`### Lint: ${plural(n.error, 'error')}, ${plural(n.warn, 'warning')}, ${n.info} info`, ''];
  if (result.findings.length) {
    lines.push('| severity | rule | object | finding | where |', '| --- | --- | --- | --- | --- |');
    for (const f of result.findings) {
      const where = f.location ? `\`${f.location.file}:${f.location.line}\`` : '';
      const message = f.fix ? `${f.message}<br>fix: \`${f.fix.replaceAll('\n', ' ')}\`` : f.message;
      lines.push(`| ${ICON[f.severity]} | \`${f.rule}\` | ${cell(f.object ?? '')} | ${cell(message)} | ${where} |`);
    }
    lines.push('');
  }
  const extra = [result.suppressed.length ? `${result.suppressed.length} suppressed in source` : '', result.baselined.length ? `${result.baselined.length} accepted by the baseline` : ''].filter(Boolean);
  if (extra.length) lines.push(`_${extra.join(', ')}._`, '');
  return lines.join('\n');
}
