import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { buildDesiredCatalog, type DesiredCatalog, type Log, type Unresolved } from '../desired/build.ts';
import { err, type Result, type UserError } from '../errors.ts';
import { lintDesired, unresolvedFromError, type LintResult } from '../lint/index.ts';
import type { Plan } from '../plan/plan.ts';
import { cacheDir, chooseProvider } from './prepare.ts';
import type { TargetSpec } from '../target/target.ts';

/**
 * Where the baseline lives: `lint.baseline` in schemaplan.yaml, else lint-baseline.json at the project root. One
 * answer for writing (`lint --update-baseline`) and reading: a baseline written without the setting is used too.
 */
export function baselinePath(config: Config): string {
  const file = lintSection(config)['baseline'];
  return path.resolve(config.root, typeof file === 'string' ? file : 'lint-baseline.json');
}

/** The baseline file, if it exists. */
export function baselineFile(config: Config): { path: string; text: string } | undefined {
  const p = baselinePath(config);
  return existsSync(p) ? { path: p, text: readFileSync(p, 'utf8') } : undefined;
}

export function lintSection(config: Config): Record<string, unknown> {
  return (config.lint ?? {}) as Record<string, unknown>;
}

/** Lint of an already built desired catalog (as `plan` does). */
export async function lintBuiltDesired(config: Config, desired: DesiredCatalog, plan: Plan | null, unresolved: readonly Unresolved[] = []): Promise<Result<LintResult, UserError>> {
  const sources = await desired.sources();
  if (!sources.ok) return sources;
  const refs = unresolved.flatMap((u) => unresolvedFromError(u.statement, u.error) ?? []);
  const baseline = baselineFile(config);
  const r = lintDesired({
    catalog: desired.catalog,
    sources: sources.value,
    lintConfig: config.lint,
    ...(baseline ? { baseline } : {}),
    ...(refs.length ? { unresolved: refs } : {}),
    plan,
  });
  return r.ok ? r : err(r.error[0]!);
}

/** desired/ → shadow → catalog → findings; statements calling missing functions become findings, not errors. */
export async function lintDesiredState(config: Config, desiredPath: string, devUrl: string | undefined, log: Log, opts: { noCache?: boolean } = {}): Promise<Result<LintResult, UserError>> {
  const target: TargetSpec = { kind: 'embedded', dataDir: path.join(cacheDir(config), 'dev') };
  const { provider } = chooseProvider(config, target, devUrl);
  const unresolved: Unresolved[] = [];
  const desired = await buildDesiredCatalog(config, desiredPath, provider, { cacheDir: opts.noCache ? null : cacheDir(config), log, unresolved });
  if (!desired.ok) return desired;
  const result = await lintBuiltDesired(config, desired.value, null, unresolved);
  await desired.value.released;
  return result;
}
