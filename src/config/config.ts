import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { readAsset } from '../assets.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
// The YAML desired format's error reporting (the node of each issue, "did you mean" for unknown keys) serves
// schemaplan.yaml as well.
import { issuesToErrors } from '../desired/yaml/issues.ts';
import { YamlLocator } from '../desired/yaml/locate.ts';
import { parseLintConfig } from '../lint/config.ts';
import { rules as builtinRules } from '../../lint-rules/index.ts';

export const CONFIG_FILE = 'schemaplan.yaml';

const ExternalSchema = z
  .object({
    /** Ready-made stubs for a platform: `supabase` (auth schema, auth.uid()/role()/jwt(), anon/authenticated/service_role). */
    preset: z.enum(['supabase']).optional(),
    /** Schemas managed elsewhere: never introspected, diffed, created or dropped. */
    schemas: z.array(z.string()).default([]),
    /** Roles managed elsewhere (created in shadows when missing, never created or dropped by plans). */
    roles: z.array(z.string()).default([]),
    /** Extra stub SQL files loaded into every shadow before the desired state. */
    stubs: z.array(z.string()).default([]),
  })
  .strict();

/** A timeout as Postgres reads one (`lock_timeout`, `statement_timeout`): a number with an optional unit; 0 = none. */
const DURATION = 'expected a duration such as 5s, 500ms, 2min or 0 (no limit)';
/** A duration as Postgres reads it; a bare number (YAML's `0`) is milliseconds, as in Postgres. */
const duration = z.union([
  z.string().regex(/^\d+(\.\d+)?\s*(us|ms|s|min|h|d)?$/, { message: DURATION }),
  z.number({ message: DURATION }).nonnegative({ message: DURATION }).transform((n) => String(n)),
]);

export const ConfigSchema = z
  .object({
    /** Desired state: a directory of .sql/.yaml files, or one .sql file. */
    desired: z.string().default('desired'),
    /** Schemas the plan manages; `all` = every schema that is not a system, external or extension schema. */
    schemas: z.union([z.array(z.string()).min(1), z.literal('all')]).default(['public']),
    /** A server on which schemaplan may create temporary databases to normalize the desired state. */
    devUrl: z.string().optional(),
    /** Named targets, chosen with --env; `${VAR}` in a URL is read from the environment. */
    environments: z.record(z.string(), z.object({ url: z.string() }).strict()).default({}),
    external: ExternalSchema.default({ schemas: [], roles: [], stubs: [] }),
    roles: z
      .object({
        /**
         * Whose privileges plans manage (GRANT/REVOKE, default privileges): every role the desired state grants
         * to, plus these; `all` = every role, so grants absent from the desired state are revoked.
         */
        manage: z.union([z.array(z.string()), z.literal('all')]).default([]),
      })
      .strict()
      .default({ manage: [] }),
    /** Lint rule settings (see docs/lint.md). */
    lint: z.unknown().optional(),
    apply: z
      .object({
        lockTimeout: duration.default('5s'),
        statementTimeout: duration.default('0'),
      })
      .strict()
      .default({ lockTimeout: '5s', statementTimeout: '0' }),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema> & {
  /** Directory the config was found in; relative paths resolve against it. */
  readonly root: string;
  /** The config file, if there was one. */
  readonly file: string | null;
};

const PRESET_SCHEMAS: Record<string, string[]> = { supabase: ['auth', 'storage', 'extensions'] };
const PRESET_ROLES: Record<string, string[]> = { supabase: ['anon', 'authenticated', 'service_role'] };

export function externalSchemas(c: Config): string[] {
  return [...new Set([...(c.external.preset ? PRESET_SCHEMAS[c.external.preset]! : []), ...c.external.schemas])];
}

export function externalRoles(c: Config): string[] {
  return [...new Set([...(c.external.preset ? PRESET_ROLES[c.external.preset]! : []), ...c.external.roles])];
}

/** SQL loaded into every shadow before the desired state: the preset's stubs, then the configured files. */
export function stubSql(c: Config): { file: string; sql: string }[] {
  const out: { file: string; sql: string }[] = [];
  if (c.external.preset) {
    out.push({ file: `preset:${c.external.preset}`, sql: readAsset('config', 'presets', `${c.external.preset}.sql`) });
  }
  for (const f of c.external.stubs) {
    const p = path.resolve(c.root, f);
    out.push({ file: path.relative(process.cwd(), p) || p, sql: readFileSync(p, 'utf8') });
  }
  return out;
}

export function defaultConfig(root: string): Config {
  return { ...ConfigSchema.parse({}), root, file: null };
}

/** Loads `schemaplan.yaml` from `root` (defaults when absent); errors name file:line:column. */
export function loadConfig(root: string, file?: string): Result<Config, UserError> {
  const configPath = file ? path.resolve(file) : path.join(root, CONFIG_FILE);
  if (!existsSync(configPath)) {
    if (file) return err({ code: 'config', message: `config file not found: ${file}` });
    return ok(defaultConfig(root));
  }
  const shown = path.relative(process.cwd(), configPath) || configPath;
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return err({ code: 'config', message: `cannot read ${shown}: ${code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`, hint: 'pass --config the schemaplan.yaml file' });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    return err({ code: 'config', message: e.message.split('\n')[0]!, location: { file: shown, line: pos.line, column: pos.col } });
  }
  const parsed = ConfigSchema.safeParse(doc.toJS() ?? {});
  const locator = new YamlLocator(shown, doc, lineCounter);
  if (!parsed.success) {
    const first = issuesToErrors(parsed.error.issues, ConfigSchema, locator)[0]!;
    return err({ ...first, code: 'config' });
  }
  const dir = path.dirname(configPath);
  const missing = parsed.data.external.stubs.findIndex((f) => !existsSync(path.resolve(dir, f)));
  if (missing >= 0) {
    return err({ code: 'config', message: `stub file not found: ${parsed.data.external.stubs[missing]}`, location: locator.at(['external', 'stubs', missing]), hint: 'external.stubs paths are relative to schemaplan.yaml' });
  }
  // The lint section is checked here too, so that its errors name their line like every other key's.
  const lint = parseLintConfig(parsed.data.lint, builtinRules);
  if (!lint.ok) {
    const { object, ...first } = lint.error[0]!;
    const keys = (object ?? 'lint').split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    return err({ ...first, code: 'config', location: locator.keyAt(keys) });
  }
  return ok({ ...parsed.data, root: dir, file: configPath });
}

/** `${VAR}` → process.env.VAR; a missing variable is an error that names it. */
export function expandEnv(value: string): Result<string, UserError> {
  const missing: string[] = [];
  const out = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = process.env[name];
    if (v === undefined) missing.push(name);
    return v ?? '';
  });
  if (missing.length) return err({ code: 'config', message: `environment variable ${missing[0]} is not set`, hint: `export ${missing[0]}=postgres://…` });
  return ok(out);
}
