import { encodePlan, isEmpty } from '../../plan/plan.ts';
import { renderSql } from '../../plan/render/sql.ts';
import { renderText } from '../../plan/render/text.ts';
import { preparePlan } from '../../workflow/prepare.ts';
import { resolveContext, type CommonFlags } from '../context.ts';
import { isTty, printError, progress, writeOutput } from '../output/io.ts';
import { EXIT } from '../exit.ts';

export interface PlanFlags extends CommonFlags {
  format: 'text' | 'sql' | 'json';
  out?: string;
  exitCode?: boolean;
  /** commander's --no-cache */
  cache?: boolean;
}

export async function planCommand(flags: PlanFlags): Promise<number> {
  const ctx = resolveContext(flags);
  if (!ctx.ok) return fail(ctx.error);
  const notes: string[] = [];
  const log = progress(flags.format === 'json');
  const prepared = await preparePlan({ ...ctx.value, noCache: flags.cache === false, log: (m) => (notes.push(m), log(m)) });
  if (!prepared.ok) return fail(prepared.error);
  const { plan, target } = prepared.value;
  await target.dispose();
  const text =
    flags.format === 'json' ? encodePlan(plan) + '\n' : flags.format === 'sql' ? renderSql(plan) : renderText(plan, isTty() && !flags.out);
  writeOutput(text, flags.out);
  return flags.exitCode && !isEmpty(plan) ? EXIT.changesPending : EXIT.ok;
}

function fail(e: Parameters<typeof printError>[0]): number {
  printError(e);
  return EXIT.error;
}
