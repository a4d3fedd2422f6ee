import { GAP_SECTIONS, gapHeadingOf, type LintResult } from '../lint/index.ts';
import type { SectionBuilder } from './model.ts';

const SECTION_OF = new Map<string, string>(GAP_SECTIONS.map((g) => [g.heading, g.section]));

/** Lint findings on the target's catalog, under the headings lint's own gap layout gives them (gap-sections.ts). */
export function addLintItems(result: LintResult, into: SectionBuilder): void {
  for (const f of result.findings) {
    const heading = gapHeadingOf(f);
    const where = f.location ? ` ${f.location.file}:${f.location.line}` : '';
    into.add(SECTION_OF.get(heading) ?? 'Other Policy Findings', heading, {
      object: f.object ?? f.location?.file ?? f.rule,
      message: f.message,
      ...(f.fix ? { fix: f.fix } : {}),
      source: `lint:${f.rule}${where}`,
    });
  }
}
