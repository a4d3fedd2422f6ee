import { encodePlan, isEmpty } from '../../plan/plan.ts';
import { renderSql } from '../../plan/render/sql.ts';
import { renderText } from '../../plan/render/text.ts';
import { renderMarkdown } from '../../plan/render/markdown.ts';
import { preparePlan } from '../../workflow/prepare.ts';
import { resolveContext, type CommonFlags } from '../context.ts';
import { isTty, printError, progress, writeOutput } from '../output/io.ts';
import { EXIT } from '../exit.ts';
import { tightenHeapForColdPlan } from '../../heap.ts';
import { formatFindings, lintExitCode, type FailOn } from '../../lint/index.ts';
import { lintBuiltDesired } from '../../workflow/lint.ts';
import { ok } from '../../errors.ts';
import type { LintResult } from '../../lint/index.ts';

const EMPTY_LINT: LintResult = { findings: [], suppressed: [], baselined: [], rules: [] };

export interface PlanFlags extends CommonFlags {
  format: 'text' | 'sql' | 'json' | 'markdown';
  out?: string;
  exitCode?: boolean;
  failOn?: FailOn;
  /** commander's --no-cache */
  cache?: boolean;
}

export async function planCommand(flags: PlanFlags): Promise<number> {
  const ctx = resolveContext(flags);
  if (!ctx.ok) return fail(ctx.error);
  const log = progress(flags.format === 'json');
  const prepared = await preparePlan({ ...ctx.value, noCache: flags.cache === false, log, onCold: tightenHeapForColdPlan });
  if (!prepared.ok) return fail(prepared.error);
  const { plan, target, desired } = prepared.value;
  await target.dispose();
  // Lint runs inside plan too: the findings follow the plan in text and markdown output, and --fail-on gates on
  // them. Machine formats (json, sql) carry only the plan, so lint is skipped there unless --fail-on asks for it.
  const wantLint = flags.failOn !== undefined || flags.format === 'text' || flags.format === 'markdown';
  const lint = wantLint ? await lintBuiltDesired(ctx.value.config, desired, plan) : ok(EMPTY_LINT);
  if (!lint.ok) return fail(lint.error);
  const color = isTty() && !flags.out;
  // The plan shows warnings and errors; info-level findings are for `schemaplan lint`, unless they gate the exit.
  const shown = flags.failOn === 'info' ? lint.value : { ...lint.value, findings: lint.value.findings.filter((f) => f.severity !== 'info') };
  let text: string;
  switch (flags.format) {
    case 'json':
      text = encodePlan(plan) + '\n';
      break;
    case 'sql':
      text = renderSql(plan);
      break;
    case 'markdown':
      text = renderMarkdown(plan) + (shown.findings.length ? `\n${formatFindings(shown, 'markdown')}` : '');
      break;
    case 'text':
      text = renderText(plan, color) + (shown.findings.length ? `\nLint:\n${formatFindings(shown, 'text', { color })}` : '');
  }
  const written = writeOutput(text, flags.out);
  if (!written.ok) return fail(written.error);
  if (flags.failOn && lintExitCode(lint.value, flags.failOn) === 3) {
    // json and sql keep stdout for the plan: the findings that fail the run go to stderr, not nowhere.
    if (flags.format === 'json' || flags.format === 'sql') process.stderr.write(`Lint:\n${formatFindings(shown, 'text', { color: false })}`);
    return EXIT.lintErrors;
  }
  return flags.exitCode && !isEmpty(plan) ? EXIT.changesPending : EXIT.ok;
}

function fail(e: Parameters<typeof printError>[0]): number {
  printError(e);
  return EXIT.error;
}
