import picomatch from 'picomatch';
import { z } from 'zod';
import { err, ok, type Result, type UserError } from '../errors.ts';
import type { LintRule, Severity, SeverityOrOff } from './rule.ts';

const severity = z.enum(['off', 'info', 'warn', 'error']);
const options = z.record(z.string(), z.unknown());

/** One rule's setting: `warn`, `[warn, {…options}]`, or `{ severity, options, ignore }`. */
const ruleSetting = z.union([
  severity,
  z.tuple([severity]),
  z.tuple([severity, options]),
  z.strictObject({ severity: severity.optional(), options: options.optional(), ignore: z.array(z.string()).optional() }),
]);

export const failOnSchema = z.enum(['error', 'warn', 'info', 'never']);
export type FailOn = z.infer<typeof failOnSchema>;

/** The `lint:` section of schemaplan.yaml. */
export const lintConfigSchema = z.strictObject({
  /** Schemas the rules judge; default: every schema in the catalog except known externally managed ones. */
  schemas: z.array(z.string()).optional(),
  rules: z.record(z.string(), ruleSetting).default({}),
  /** Object-name globs (`public.legacy_*`, `public.audit_log.*`) no rule reports on. */
  ignore: z.array(z.string()).default([]),
  failOn: failOnSchema.default('error'),
  /** Path of the baseline file, relative to the config file. */
  baseline: z.string().optional(),
});

export type RawLintConfig = z.input<typeof lintConfigSchema>;

export interface ResolvedRuleConfig {
  readonly rule: LintRule;
  readonly severity: SeverityOrOff;
  readonly options: unknown;
  readonly ignore: readonly string[];
}

/** Findings about suppression comments themselves; configurable by severity only. */
export const SUPPRESSION_RULES = { 'invalid-suppression': 'error', 'unused-suppression': 'warn' } as const satisfies Record<string, Severity>;
export type SuppressionRule = keyof typeof SUPPRESSION_RULES;

export interface LintConfig {
  readonly rules: ReadonlyMap<string, ResolvedRuleConfig>;
  readonly suppressionRules: Readonly<Record<SuppressionRule, SeverityOrOff>>;
  readonly ignore: readonly string[];
  readonly schemas?: readonly string[];
  readonly failOn: FailOn;
  readonly baseline?: string;
}

/**
 * Validate the `lint:` section against the rule registry: unknown rule names and bad options are user errors
 * (with the config path in `object`), so the engine only ever sees a valid configuration.
 */
export function parseLintConfig(raw: unknown, registry: readonly LintRule[]): Result<LintConfig, readonly UserError[]> {
  const parsed = lintConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return err(parsed.error.issues.map((i) => configError(['lint', ...i.path.map(String)].join('.'), i.message)));
  }
  const cfg = parsed.data;
  const errors: UserError[] = [];
  const byName = new Map(registry.map((r) => [r.name, r]));
  const suppressionRules: Record<SuppressionRule, SeverityOrOff> = { ...SUPPRESSION_RULES };
  for (const name of Object.keys(SUPPRESSION_RULES) as SuppressionRule[]) {
    const setting = normalizeSetting(cfg.rules[name]);
    if (setting.options || setting.ignore) errors.push(configError(`lint.rules.${name}`, 'takes a severity only'));
    if (setting.severity) suppressionRules[name] = setting.severity;
  }
  for (const name of Object.keys(cfg.rules)) {
    if (!byName.has(name) && !(name in SUPPRESSION_RULES)) errors.push(configError(`lint.rules.${name}`, `unknown lint rule "${name}"`, `known rules: ${[...byName.keys()].sort().join(', ')}`));
  }
  const rules = new Map<string, ResolvedRuleConfig>();
  for (const rule of registry) {
    const setting = normalizeSetting(cfg.rules[rule.name]);
    const merged = { ...(rule.defaultOptions as object), ...(setting.options ?? {}) };
    const opts = rule.meta.options.safeParse(merged);
    if (!opts.success) {
      for (const i of opts.error.issues) errors.push(configError(['lint.rules', rule.name, 'options', ...i.path.map(String)].join('.'), i.message));
      continue;
    }
    rules.set(rule.name, { rule, severity: setting.severity ?? rule.meta.defaultSeverity, options: opts.data, ignore: setting.ignore ?? [] });
  }
  for (const glob of [...cfg.ignore, ...[...rules.values()].flatMap((r) => r.ignore)]) {
    try {
      picomatch(glob);
    } catch (e) {
      errors.push(configError('lint.ignore', `invalid glob "${glob}": ${(e as Error).message}`));
    }
  }
  if (errors.length) return err(errors);
  return ok({
    rules,
    suppressionRules,
    ignore: cfg.ignore,
    failOn: cfg.failOn,
    ...(cfg.schemas ? { schemas: cfg.schemas } : {}),
    ...(cfg.baseline ? { baseline: cfg.baseline } : {}),
  });
}

function normalizeSetting(s: z.infer<typeof ruleSetting> | undefined): {
  severity?: SeverityOrOff;
  options?: Record<string, unknown>;
  ignore?: string[];
} {
  if (s === undefined) return {};
  if (typeof s === 'string') return { severity: s };
  if (Array.isArray(s)) return s[1] ? { severity: s[0], options: s[1] } : { severity: s[0] };
  return { ...(s.severity ? { severity: s.severity } : {}), ...(s.options ? { options: s.options } : {}), ...(s.ignore ? { ignore: s.ignore } : {}) };
}

function configError(path: string, message: string, hint?: string): UserError {
  return { code: 'config', message: `${path}: ${message}`, object: path, ...(hint ? { hint } : {}) };
}

export function isActive(s: SeverityOrOff): s is Severity {
  return s !== 'off';
}
