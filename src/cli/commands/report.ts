import { generateReport } from '../../report/generate.ts';
import { renderJson } from '../../report/render-json.ts';
import { renderMarkdown } from '../../report/render-markdown.ts';
import { resolveContext, type CommonFlags } from '../context.ts';
import { EXIT } from '../exit.ts';
import { printError, progress, writeOutput } from '../output/io.ts';

export interface ReportFlags extends CommonFlags {
  format: 'markdown' | 'json';
  out?: string;
  /** commander's --no-cache */
  cache?: boolean;
}

/** The gap report: the target against the desired state, in the seed audit's layout (src/report/). */
export async function reportCommand(flags: ReportFlags): Promise<number> {
  const ctx = resolveContext(flags);
  if (!ctx.ok) return (printError(ctx.error), EXIT.error);
  const report = await generateReport({ ...ctx.value, log: progress(flags.format === 'json'), noCache: flags.cache === false });
  if (!report.ok) return (printError(report.error), EXIT.error);
  const written = writeOutput(flags.format === 'json' ? renderJson(report.value) : renderMarkdown(report.value), flags.out);
  if (!written.ok) return (printError(written.error), EXIT.error);
  return EXIT.ok;
}
