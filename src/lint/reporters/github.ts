import type { LintResult } from '../finding.ts';

const COMMAND = { error: 'error', warn: 'warning', info: 'notice' } as const;

// GitHub workflow commands: data escapes %, CR, LF; property values also escape ':' and ','.
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** `::error file=…,line=…,col=…,title=rule::message` annotations, one per finding. */
export function formatGithub(result: LintResult): string {
  const out: string[] = [];
  for (const f of result.findings) {
    const props: string[] = [];
    if (f.location) {
      props.push(`file=${escapeProperty(f.location.file)}`, `line=${f.location.line}`, `col=${f.location.column}`);
    }
    props.push(`title=${escapeProperty(`${f.rule}${f.object ? ` (${f.object})` : ''}`)}`);
    const message = f.fix ? `${f.message}\nfix: ${f.fix}` : f.message;
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(message)}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
