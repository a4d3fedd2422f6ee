import type * as Sarif from 'sarif';
import type { Finding, LintResult } from '../finding.ts';

const LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const;

export interface SarifOptions {
  readonly toolVersion?: string;
}

/**
 * SARIF 2.1.0 for code scanning. Suppressed findings are included with an `inSource` suppression and
 * baselined ones with an `external` one, so that viewers show them as dismissed rather than losing them.
 */
export function formatSarif(result: LintResult, opts: SarifOptions = {}): string {
  const ruleIndex = new Map(result.rules.map((r, i) => [r.name, i]));
  const metaRules = [...new Set([...result.findings, ...result.baselined].map((f) => f.rule).filter((r) => !ruleIndex.has(r)))];
  const rules: Sarif.ReportingDescriptor[] = [
    ...result.rules.map((r) => ({
      id: r.name,
      shortDescription: { text: r.description },
      help: { text: `See docs/rules/${r.name}.md`, markdown: `See [docs/rules/${r.name}.md](docs/rules/${r.name}.md)` },
      defaultConfiguration: { level: LEVEL[r.severity] },
    })),
    ...metaRules.map((name) => ({ id: name, shortDescription: { text: 'Problems with lint suppression comments' } })),
  ];
  metaRules.forEach((name, i) => ruleIndex.set(name, result.rules.length + i));
  const toResult = (f: Finding, suppressions?: Sarif.Suppression[]): Sarif.Result => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? -1,
    level: LEVEL[f.severity],
    message: { text: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message },
    ...(f.location || f.target
      ? {
          locations: [
            {
              ...(f.location
                ? {
                    physicalLocation: {
                      artifactLocation: { uri: toUri(f.location.file), uriBaseId: '%SRCROOT%' },
                      region: { startLine: f.location.line, startColumn: f.location.column },
                    },
                  }
                : {}),
              ...(f.object && f.target ? { logicalLocations: [{ fullyQualifiedName: f.object.replace(/^\S+ /, ''), kind: f.target.kind }] } : {}),
            },
          ],
        }
      : {}),
    partialFingerprints: { 'schemaplan/v1': f.fingerprint },
    ...(f.fix ? { properties: { fix: f.fix } } : {}),
    ...(suppressions ? { suppressions } : {}),
  });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'schemaplan',
            ...(opts.toolVersion ? { semanticVersion: opts.toolVersion, version: opts.toolVersion } : {}),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root' } } },
        results: [
          ...result.findings.map((f) => toResult(f)),
          ...result.suppressed.map((s) => toResult(s.finding, [{ kind: 'inSource', justification: s.suppression.reason || '(no reason given)' }])),
          ...result.baselined.map((f) => toResult(f, [{ kind: 'external', justification: 'accepted in the lint baseline' }])),
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Relative, forward-slash, percent-encoded: what code scanning resolves against the checkout. */
function toUri(file: string): string {
  return file.replaceAll('\\', '/').replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
}
