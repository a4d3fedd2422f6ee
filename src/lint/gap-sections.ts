import type { Finding, LintResult } from './finding.ts';

/**
 * Where lint findings go in the gap report, whose sections follow the seed audit (schema-gaps.md). The diff
 * fills "missing in target" and "obsolete in target"; lint fills the rest.
 */
export const GAP_SECTIONS = [
  { section: 'Inconsistent Definitions', heading: 'Table Name Conflicts' },
  { section: 'Inconsistent Definitions', heading: 'Column Naming Inconsistencies' },
  { section: 'Inconsistent Definitions', heading: 'ID Type Inconsistencies' },
  { section: 'Inconsistent Definitions', heading: 'Foreign Key References' },
  { section: 'Missing Constraints', heading: 'Foreign Keys' },
  { section: 'Missing Constraints', heading: 'Unique Constraints' },
  { section: 'Missing Constraints', heading: 'Check Constraints' },
  { section: 'Missing Indexes', heading: 'Foreign Key Indexes' },
  { section: 'RLS Policy Gaps', heading: 'Missing Policies' },
  { section: 'RLS Policy Gaps', heading: 'Inconsistent Policy Patterns' },
  { section: 'Function Dependencies', heading: 'Missing Helper Functions' },
  { section: 'Function Dependencies', heading: 'Function Permissions' },
  { section: 'Trigger Issues', heading: 'Missing Triggers' },
  { section: 'Other Policy Findings', heading: 'Conventions' },
] as const;

export type GapHeading = (typeof GAP_SECTIONS)[number]['heading'];

/** rule, or rule:messageId when one rule's messages belong in different places. */
const PLACE: Readonly<Record<string, GapHeading>> = {
  'near-duplicate-tables': 'Table Name Conflicts',
  'camel-case-columns': 'Column Naming Inconsistencies',
  'table-naming': 'Column Naming Inconsistencies',
  'unquoted-camel-case': 'Column Naming Inconsistencies',
  'uuid-primary-key': 'ID Type Inconsistencies',
  'user-fk-to-users': 'Foreign Key References',
  'user-fk-to-users:missing': 'Foreign Keys',
  'undeclared-fk': 'Foreign Keys',
  'fk-type-mismatch': 'Foreign Keys',
  'no-natural-key': 'Unique Constraints',
  'check-enumerates-values': 'Check Constraints',
  'fk-index': 'Foreign Key Indexes',
  'rls-enabled': 'Missing Policies',
  'rls-without-policy': 'Missing Policies',
  'policy-without-rls': 'Missing Policies',
  'inconsistent-policies': 'Inconsistent Policy Patterns',
  'undefined-function-reference': 'Missing Helper Functions',
  'security-definer-search-path': 'Function Permissions',
  'authenticated-grants': 'Function Permissions',
  'updated-at-trigger': 'Missing Triggers',
};

export function gapHeadingOf(f: Finding): GapHeading {
  return PLACE[`${f.rule}:${f.messageId}`] ?? PLACE[f.rule] ?? 'Conventions';
}

/** The lint part of the gap report as Markdown, in the seed's layout: sections, headings, numbered items with fixes. */
export function renderGapSections(result: LintResult): string {
  const byHeading = new Map<GapHeading, Finding[]>();
  for (const f of result.findings) {
    const h = gapHeadingOf(f);
    byHeading.set(h, [...(byHeading.get(h) ?? []), f]);
  }
  const out: string[] = [];
  let current = '';
  for (const { section, heading } of GAP_SECTIONS) {
    const findings = byHeading.get(heading);
    if (!findings?.length) continue;
    if (section !== current) {
      out.push(`## ⚠️ ${section}`, '');
      current = section;
    }
    out.push(`### ${heading}`);
    findings.forEach((f, i) => {
      const where = f.location ? ` (${f.location.file}:${f.location.line})` : '';
      out.push(`${i + 1}. **${f.object ?? f.location?.file ?? f.rule}** - ${f.message}${where} \`${f.rule}\``);
      if (f.fix) out.push(`   - **Fix:** \`${f.fix.replaceAll('\n', ' ')}\``);
    });
    out.push('');
  }
  return out.join('\n');
}
