import path from 'node:path';
import { createBaseline, formatFindings, lintExitCode, serializeBaseline, type FailOn, type LintFormat } from '../../lint/index.ts';
import { baselinePath, lintDesiredState, lintSection } from '../../workflow/lint.ts';
import { resolveContext, type CommonFlags } from '../context.ts';
import { EXIT } from '../exit.ts';
import { isTty, printError, progress, writeOutput } from '../output/io.ts';

export interface LintFlags extends CommonFlags {
  format: LintFormat;
  failOn?: FailOn;
  updateBaseline?: boolean;
  out?: string;
  /** commander's --no-cache */
  cache?: boolean;
}

/** Lints the desired state against the policies in lint-rules/ (configured in schemaplan.yaml `lint:`). */
export async function lintCommand(flags: LintFlags): Promise<number> {
  const ctx = resolveContext(flags);
  if (!ctx.ok) return (printError(ctx.error), EXIT.error);
  const { config, desiredPath, devUrl } = ctx.value;
  const result = await lintDesiredState(config, desiredPath, devUrl, progress(flags.format !== 'text'), { noCache: flags.cache === false });
  if (!result.ok) return (printError(result.error), EXIT.error);
  if (flags.updateBaseline) {
    const file = baselinePath(config);
    const shown = path.relative(process.cwd(), file) || file;
    const written = writeOutput(serializeBaseline(createBaseline(result.value.findings)), shown, 'lint.baseline in schemaplan.yaml names the file, relative to it');
    if (!written.ok) return (printError(written.error), EXIT.error);
    process.stderr.write(`wrote ${result.value.findings.length} findings to ${shown}\n`);
    return EXIT.ok;
  }
  const written = writeOutput(formatFindings(result.value, flags.format, { color: isTty() && !flags.out }), flags.out);
  if (!written.ok) return (printError(written.error), EXIT.error);
  const failOn = flags.failOn ?? ((lintSection(config)['failOn'] as FailOn | undefined) ?? 'error');
  return lintExitCode(result.value, failOn) === 3 ? EXIT.lintErrors : EXIT.ok;
}
