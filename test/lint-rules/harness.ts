import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromPgClient, type Queryable } from '../../src/db/queryable.ts';
import { introspect } from '../../src/introspect/introspect.ts';
import { rules } from '../../lint-rules/index.ts';
import { lintCatalog, parseLintConfig, type LintConfig, type LintResult, type UnresolvedReference } from '../../src/lint/index.ts';
import type { LintRule } from '../../src/lint/rule.ts';
import type { SourceFile } from '../../src/desired/sources.ts';
import type { Catalog } from '../../src/model/catalog.ts';
import type { DesiredSources } from '../../src/desired/build.ts';
import type { Result, UserError } from '../../src/errors.ts';
import { loadParser } from '../../src/sql/parser.ts';

const URL = process.env['SCHEMAPLAN_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface RuleCase {
  readonly name: string;
  /** Executed on a fresh database (every non-system schema is dropped between cases). */
  readonly sql?: string;
  readonly options?: Record<string, unknown>;
  readonly files?: readonly SourceFile[];
  readonly unresolved?: readonly UnresolvedReference[];
}

export interface InvalidCase extends RuleCase {
  /** Expected findings, any order: message id and, where the finding has one, the object label. */
  readonly errors: readonly { readonly messageId: string; readonly object?: string; readonly line?: number; readonly fix?: string }[];
}

/** Supabase's API roles; cluster-wide, so created once and tolerant of other test files racing to do the same. */
const ROLES_SQL = ['anon', 'authenticated', 'service_role']
  .map((r) => `do $$ begin create role ${r} nologin; exception when duplicate_object or unique_violation then null; end $$;`)
  .join('\n');

export async function openDatabase(): Promise<{ db: Queryable; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  const name = `sp_lint_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new globalThis.URL(URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const db = fromPgClient(client, name);
  await db.exec(ROLES_SQL);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function reset(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ name: string }>(`select nspname as name from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'`);
  await db.exec(rows.map((r) => `drop schema "${r.name}" cascade;`).join('\n') + '\ncreate schema public;');
}

/** Every non-system schema of the database, read as `schemaplan lint` reads a catalog. */
export async function readCatalog(db: Queryable): Promise<Catalog> {
  const { rows } = await db.query<{ name: string }>(`select nspname as name from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'`);
  const schemas = rows.map((r) => r.name);
  return introspect(db, { schemas });
}

async function lintCase(db: Queryable, rule: LintRule, c: RuleCase): Promise<LintResult> {
  await reset(db);
  if (c.sql) await db.exec(c.sql);
  const catalog = await readCatalog(db);
  const raw = { rules: Object.fromEntries(rules.map((r) => [r.name, r.name === rule.name ? (c.options ? ['error', c.options] : 'error') : 'off'])) };
  const config = parseLintConfig(raw, rules);
  if (!config.ok) throw new Error(`bad options in case "${c.name}": ${config.error.map((e) => e.message).join('; ')}`);
  await loadParser(); // some rules parse SQL, as every lint entry of the CLI has loaded it by then
  return lintCatalog({ catalog, config: config.value, ...(c.files ? { files: c.files } : {}), ...(c.unresolved ? { unresolved: c.unresolved } : {}) });
}

/** One database for the enclosing describe block (or file): created before its tests, dropped after. */
export function useDatabase(): () => Queryable {
  let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
  beforeAll(async () => {
    handle = await openDatabase();
  }, 30_000);
  afterAll(async () => {
    await handle?.drop();
  });
  return () => {
    if (!handle) throw new Error('database not open');
    return handle.db;
  };
}

/** A validated config with only `names` enabled (as errors), or every rule at its default when none are given. */
export function configFor(...names: string[]): LintConfig {
  const raw = names.length ? { rules: Object.fromEntries(rules.map((r) => [r.name, names.includes(r.name) ? 'error' : 'off'])) } : {};
  const config = parseLintConfig(raw, rules);
  if (!config.ok) throw new Error(config.error.map((e) => e.message).join('; '));
  return config.value;
}

/** Lint everything in the database with every rule at its default. */
export async function lintDatabase(db: Queryable): Promise<LintResult> {
  const catalog = await readCatalog(db);
  await loadParser();
  return lintCatalog({ catalog, config: configFor() });
}

export function unwrapSources(r: Result<DesiredSources, UserError>): DesiredSources {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** typescript-eslint style rule tests: every valid case yields no finding, every invalid case exactly the listed ones. */
export function ruleTester(rule: LintRule, cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.name, () => {
    const db = useDatabase();
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, async () => {
        const result = await lintCase(db(), rule, c);
        expect(result.findings.map((f) => `${f.messageId}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, async () => {
        const result = await lintCase(db(), rule, c);
        const actual = result.findings.map((f) => {
          const e = c.errors.find((x) => x.messageId === f.messageId && (x.object === undefined || x.object === f.object));
          return {
            messageId: f.messageId,
            ...(e?.object !== undefined ? { object: f.object } : {}),
            ...(e?.line !== undefined ? { line: f.location?.line } : {}),
            ...(e?.fix !== undefined ? { fix: f.fix } : {}),
          };
        });
        // Every placeholder of the message template is filled.
        expect(result.findings.filter((f) => f.message.includes('{{')).map((f) => f.message)).toEqual([]);
        const key = (x: object) => JSON.stringify(x);
        expect(actual.map(key).sort()).toEqual(c.errors.map(key).sort());
      });
    }
  });
}
