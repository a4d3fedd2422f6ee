import { countBySeverity, type LintResult } from '../finding.ts';

/** Machine output; `formatVersion` lets consumers detect shape changes. */
export function formatJson(result: LintResult): string {
  return `${JSON.stringify(
    {
      formatVersion: 1,
      summary: { ...countBySeverity(result.findings), suppressed: result.suppressed.length, baselined: result.baselined.length },
      findings: result.findings,
      suppressed: result.suppressed,
      baselined: result.baselined,
    },
    null,
    2,
  )}\n`;
}
