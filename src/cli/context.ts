import { expandEnv, loadConfig, type Config } from '../config/config.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
import { parseTarget, type TargetSpec } from '../target/target.ts';
import path from 'node:path';

export interface CommonFlags {
  config?: string;
  desired?: string;
  target?: string;
  env?: string;
  devUrl?: string;
}

export interface Context {
  readonly config: Config;
  readonly desiredPath: string;
  readonly target: TargetSpec;
  readonly devUrl: string | undefined;
}

/** Flags override config; config overrides defaults. The target: --target, --env, DATABASE_URL, else embedded. */
export function resolveContext(flags: CommonFlags): Result<Context, UserError> {
  const config = loadConfig(process.cwd(), flags.config);
  if (!config.ok) return config;
  const c = config.value;
  let targetValue = flags.target;
  if (!targetValue && flags.env) {
    const env = c.environments[flags.env];
    if (!env) return err({ code: 'config', message: `unknown environment "${flags.env}"`, hint: `known: ${Object.keys(c.environments).join(', ') || '(none in schemaplan.yaml)'}` });
    const url = expandEnv(env.url);
    if (!url.ok) return url;
    targetValue = url.value;
  }
  targetValue ??= process.env['DATABASE_URL'] || undefined;
  let devUrl = flags.devUrl ?? c.devUrl;
  if (devUrl) {
    const expanded = expandEnv(devUrl);
    if (!expanded.ok) return expanded;
    devUrl = expanded.value;
  }
  const desiredPath = flags.desired ?? path.resolve(c.root, c.desired);
  return ok({ config: c, desiredPath, target: parseTarget(targetValue, c.root), devUrl });
}
