import { createColors } from 'picocolors';
import type { SourceLocation } from '../../errors.ts';
import { describeId, tableOf, type ObjectId } from '../../model/identity.ts';
import { countBySeverity, plural, type Finding, type LintResult } from '../finding.ts';

export interface TextOptions {
  /** Colour only on a TTY; the CLI passes `process.stdout.isTTY`. */
  readonly color?: boolean;
}

const where = (l: SourceLocation | undefined) => (l ? `${l.file}:${l.line}:${l.column}` : '');

/** Findings on a column, constraint, policy or grant are listed under their table. */
function groupOf(f: Finding): { key: string; owner: boolean } {
  if (!f.target) return { key: f.location?.file ?? '(no object)', owner: false };
  const on: ObjectId = f.target.kind === 'grant' ? f.target.on : f.target;
  const table = tableOf(on);
  return { key: describeId(table ?? on), owner: !table && f.target.kind !== 'grant' };
}

function shortLabel(id: ObjectId): string {
  if (id.kind === 'grant') return `grant to ${id.grantee}`;
  if (id.kind === 'defaultPrivilege') return `default privileges on ${id.objtype} to ${id.grantee}`;
  return `${id.kind} ${id.name}`;
}

/** Human output: findings grouped by table (or by file for findings on raw text), then a summary line. */
export function formatText(result: LintResult, opts: TextOptions = {}): string {
  const c = createColors(opts.color ?? false);
  const sev = { error: c.red('error'), warn: c.yellow('warn '), info: c.blue('info ') } as const;
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const { key } = groupOf(f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const lines: string[] = [];
  const width = Math.max(0, ...result.findings.map((f) => f.rule.length));
  for (const [key, findings] of groups) {
    const loc = findings[0]!.object ? where(findings[0]!.location) : '';
    lines.push(`${c.bold(key)}${loc ? `  ${c.dim(loc)}` : ''}`);
    for (const f of findings) {
      const at = !f.object && f.location ? `${c.dim(`${f.location.line}:${f.location.column}`)} ` : '';
      const sub = f.target && !groupOf(f).owner ? ` ${c.dim(`(${shortLabel(f.target)})`)}` : '';
      lines.push(`  ${sev[f.severity]}  ${c.cyan(f.rule.padEnd(width))}  ${at}${f.message}${sub}`);
      if (f.fix) for (const [i, l] of f.fix.split('\n').entries()) lines.push(`  ${' '.repeat(width + 9)}${c.dim(i === 0 ? `fix: ${l}` : `     ${l}`)}`);
    }
    lines.push('');
  }
  lines.push(summary(result, c));
  return `${lines.join('\n')}\n`;
}

function summary(result: LintResult, c: ReturnType<typeof createColors>): string {
  const n = countBySeverity(result.findings);
  const extra = [
    result.suppressed.length ? `${result.suppressed.length} suppressed` : '',
    result.baselined.length ? `${result.baselined.length} in baseline` : '',
  ].filter(Boolean);
  const tail = extra.length ? ` (${extra.join(', ')})` : '';
  if (!result.findings.length) return `${c.green('✔')} no lint findings${tail}`;
  const parts = [plural(n.error, 'error'), plural(n.warn, 'warning'), `${n.info} info`];
  return `${n.error ? c.red('✖') : c.yellow('!')} ${parts.join(', ')}${tail}`;
}
