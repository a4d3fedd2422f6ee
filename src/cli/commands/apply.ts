import { applyPlan, stepsLosingData, type ApplyOptions } from '../../apply/apply.ts';
import { verifyConverged, verifyReached } from '../../apply/verify.ts';
import type { Config } from '../../config/config.ts';
import type { Queryable } from '../../db/queryable.ts';
import { describeId } from '../../model/identity.ts';
import { objectOf } from '../../model/change.ts';
import { fingerprintCatalog } from '../../model/fingerprint.ts';
import { introspect } from '../../introspect/introspect.ts';
import { decodePlan, isEmpty, statementsOf, type Plan } from '../../plan/plan.ts';
import { renderText } from '../../plan/render/text.ts';
import { chooseProvider, preparePlan, targetCatalogCache } from '../../workflow/prepare.ts';
import { openTarget } from '../../target/target.ts';
import { readFileSync } from 'node:fs';
import { plural } from '../../lint/finding.ts';
import { resolveContext, type CommonFlags, type Context } from '../context.ts';
import { EXIT } from '../exit.ts';
import { isTty, printError, progress } from '../output/io.ts';
import { tightenHeapForColdPlan } from '../../heap.ts';

export interface ApplyFlags extends CommonFlags {
  autoApprove?: boolean;
  allowDestructive?: boolean;
  /** A plan saved with `plan --format json --out FILE`: applied only if the target is still as it was. */
  plan?: string;
  /** commander's --no-cache */
  cache?: boolean;
}

export async function applyCommand(flags: ApplyFlags): Promise<number> {
  const ctx = resolveContext(flags);
  if (!ctx.ok) return fail(ctx.error);
  const log = progress(false);
  if (flags.plan) return applySavedPlan(flags, ctx.value, log);
  const noCache = flags.cache === false;
  const prepared = await preparePlan({ ...ctx.value, log, onCold: tightenHeapForColdPlan, refreshTargetCache: true, noCache });
  if (!prepared.ok) return fail(prepared.error);
  const { plan, target, desired, schemas } = prepared.value;
  try {
    if (!target.writable) {
      return fail({ code: 'target', message: `cannot apply to ${target.description}: only a database can be applied to`, hint: 'use plan --format sql to write a migration instead' });
    }
    if (isEmpty(plan)) {
      process.stdout.write('No changes. The target matches the desired state.\n');
      return EXIT.ok;
    }
    const gate = await confirmPlan(plan, target.description, flags);
    if (gate !== null) return gate;
    const result = await applyPlan(target.db, plan, applyOptions(ctx.value.config, target.db, schemas, log));
    if (!result.ok) return fail(result.error);
    const cache = targetCatalogCache(ctx.value.config, ctx.value.target, schemas, { refresh: true, noCache });
    const verified = await verifyConverged(target.db, desired.catalog, schemas, { manageRoles: ctx.value.config.roles.manage }, cache);
    if (!verified.ok) return fail(verified.error);
    process.stdout.write(`Applied ${plural(result.value.statements, 'statement')}. The target matches the desired state.\n`);
    return EXIT.ok;
  } finally {
    await target.dispose();
  }
}

/** Shows the plan; refuses destructive plans without --allow-destructive; asks on a terminal. null: go on. */
async function confirmPlan(plan: Plan, where: string, flags: ApplyFlags): Promise<number | null> {
  process.stdout.write(renderText(plan, isTty()));
  const destructive = stepsLosingData(plan);
  if (destructive.length && !flags.allowDestructive) {
    return fail({
      code: 'destructive',
      message: `the plan drops data (${destructive.map((s) => describeId(objectOf(s.change).id)).join(', ')}); nothing was applied`,
      hint: 'review the plan and re-run with --allow-destructive',
    });
  }
  if (!flags.autoApprove) {
    if (!process.stdin.isTTY) return fail({ code: 'apply', message: 'refusing to apply without confirmation: not a terminal', hint: 'pass --auto-approve' });
    // Loaded only when a person is asked: most applies run with --auto-approve or without a TTY.
    const { confirm, isCancel } = await import('@clack/prompts');
    const answer = await confirm({ message: `Apply ${statementsOf(plan).length} statements to ${where}?` });
    if (isCancel(answer) || !answer) {
      process.stdout.write('Cancelled; nothing was applied.\n');
      return EXIT.ok;
    }
  }
  return null;
}

/** Applies a saved plan: the drift gate refuses if the target changed; afterwards it must match the plan's goal. */
async function applySavedPlan(flags: ApplyFlags, ctx: Context, log: (m: string) => void): Promise<number> {
  let text: string;
  try {
    text = readFileSync(flags.plan!, 'utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return fail({ code: 'plan-file', message: missing ? `plan file not found: ${flags.plan}` : `cannot read plan file ${flags.plan}: ${(e as Error).message}`, hint: 'write one with plan --format json --out FILE' });
  }
  const plan = decodePlan(text);
  if (!plan) return fail({ code: 'plan-file', message: `not a schemaplan plan of this version: ${flags.plan}`, hint: 'write one with plan --format json --out FILE (plan files of older versions cannot be checked for drift)' });
  const { provider } = chooseProvider(ctx.config, ctx.target, ctx.devUrl);
  const opened = await openTarget(ctx.target, ctx.config, provider);
  if (!opened.ok) return fail(opened.error);
  const target = opened.value;
  try {
    if (!target.writable) return fail({ code: 'target', message: `cannot apply to ${target.description}: only a database can be applied to` });
    if (isEmpty(plan)) {
      process.stdout.write('The plan has no changes.\n');
      return EXIT.ok;
    }
    const gate = await confirmPlan(plan, target.description, flags);
    if (gate !== null) return gate;
    const schemas = [...plan.schemas];
    const result = await applyPlan(target.db, plan, applyOptions(ctx.config, target.db, schemas, log));
    if (!result.ok) return fail(result.error);
    const verified = await verifyReached(target.db, plan);
    if (!verified.ok) return fail(verified.error);
    process.stdout.write(`Applied ${plural(result.value.statements, 'statement')}. The target matches the plan's desired state.\n`);
    return EXIT.ok;
  } finally {
    await target.dispose();
  }
}

/** The drift gate reads the target's managed schemas again; progress goes to the log. */
function applyOptions(config: Config, db: Queryable, schemas: readonly string[], log: (m: string) => void): ApplyOptions {
  return {
    lockTimeout: config.apply.lockTimeout,
    statementTimeout: config.apply.statementTimeout,
    currentFingerprint: async () => fingerprintCatalog(await introspect(db, { schemas })),
    onStatement: (_s, i, total) => log(`applying ${i + 1}/${total}`),
  };
}

function fail(e: Parameters<typeof printError>[0]): number {
  printError(e);
  return EXIT.error;
}
