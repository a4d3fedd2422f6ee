import { rules as builtinRules } from '../../lint-rules/index.ts';
import type { Result, UserError } from '../errors.ts';
import { parseLintConfig, type LintConfig } from './config.ts';
import type { LintResult } from './finding.ts';
import { formatGithub } from './reporters/github.ts';
import { formatJson } from './reporters/json.ts';
import { formatMarkdown } from './reporters/markdown.ts';
import { formatSarif } from './reporters/sarif.ts';
import { formatText } from './reporters/text.ts';

export type { LintInput } from './engine.ts';
export { defaultSchemas, lintExitCode } from './engine.ts';
export type { Finding, LintResult, RuleInfo, SuppressedFinding } from './finding.ts';
export { parseLintConfig, lintConfigSchema, type LintConfig, type RawLintConfig, type FailOn } from './config.ts';
export { createBaseline, parseBaseline, serializeBaseline, type Baseline } from './baseline.ts';
export type { SuppressedStatement } from './suppressions.ts';
export { buildSourceMap, unresolvedFromError } from './source-map.ts';
export { GAP_SECTIONS, gapHeadingOf, renderGapSections, type GapHeading } from './gap-sections.ts';
export { builtinRules };
export { lintDesired, type LintDesiredInput } from './desired.ts';

/** The `lint:` section of schemaplan.yaml (raw, as parsed YAML) → a validated config over the built-in rules. */
export function loadLintConfig(raw: unknown): Result<LintConfig, readonly UserError[]> {
  return parseLintConfig(raw, builtinRules);
}
export type { LintRule, RuleContext, Severity, UnresolvedReference, PlanLike } from './rule.ts';

export { lintCatalog } from './engine.ts';

export type LintFormat = 'text' | 'json' | 'sarif' | 'github' | 'markdown';

export function formatFindings(result: LintResult, format: LintFormat, opts: { color?: boolean; toolVersion?: string } = {}): string {
  switch (format) {
    case 'text':
      return formatText(result, opts);
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, opts);
    case 'github':
      return formatGithub(result);
    case 'markdown':
      return formatMarkdown(result);
  }
}
