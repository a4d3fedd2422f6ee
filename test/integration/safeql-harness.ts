/**
 * Shared setup for the SafeQL integration tests: a throwaway project (a copy of the fixture desired state), an
 * ESLint instance whose SafeQL rule points at it, and cleanup of whatever the plugin created for it.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { connectPg } from '../../src/db/queryable.ts';
import { ident } from '../../src/sql/quote.ts';
import { SERVER_URL } from '../helpers/db.ts';
import type { SchemaplanSafeqlOptions } from '../../src/integrations/safeql/cache-key.ts';
import {
  listEmbeddedServers,
  stopEmbeddedServers,
  type EmbeddedServerState,
} from '../../src/integrations/safeql/embedded-server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_URL = SERVER_URL;
export const FIXTURES = 'test/fixtures/safeql-lint';

export interface Project {
  readonly dir: string;
  readonly desiredDir: string;
}

export function makeProject(): Project {
  const dir = mkdtempSync(join(tmpdir(), 'sp-safeql-'));
  const desiredDir = join(dir, 'desired');
  cpSync(join(ROOT, 'test/fixtures/safeql-desired'), desiredDir, { recursive: true });
  return { dir, desiredDir };
}

/**
 * ESLint as a user runs it, with the repository's own flat config helper (`sqlChecked` from eslint.config.js)
 * applied to the lint fixtures and pointed at `options.cwd`. The config is a generated file so ESLint loads
 * it (and the plugins) natively, exactly like eslint.config.js.
 */
export function createEslint(project: Project, options: Omit<SchemaplanSafeqlOptions, 'cwd'>, fix = false): ESLint {
  return new ESLint({ cwd: ROOT, overrideConfigFile: writeEslintConfig(project, options), fix });
}

/** The generated flat config (see createEslint), for running the `eslint` CLI on the fixtures. */
export function writeEslintConfig(project: Project, options: Omit<SchemaplanSafeqlOptions, 'cwd'>): string {
  const configFile = join(project.dir, 'eslint.config.mjs'); // .mjs: ESM whatever loader hooks are active
  const helper = pathToFileURL(join(ROOT, 'eslint.config.js')).href;
  const pluginOptions = JSON.stringify({ ...options, cwd: project.dir });
  writeFileSync(
    configFile,
    `import { sqlChecked } from ${JSON.stringify(helper)};\n` +
      `export default sqlChecked([${JSON.stringify(`${FIXTURES}/*.ts`)}], ${pluginOptions});\n`,
  );
  return configFile;
}

export async function lintFixture(eslint: ESLint, name: string): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintFiles([`${FIXTURES}/${name}.ts`]);
  if (!result) throw new Error(`no lint result for ${name}`);
  return result;
}

/** SafeQL's messages; any message from ESLint itself (file ignored, parse error) fails loudly instead. */
export function safeqlMessages(result: ESLint.LintResult): Linter.LintMessage[] {
  const own = result.messages.filter((m) => m.ruleId === null);
  if (own.length > 0) throw new Error(`${result.filePath}: ${own.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === '@ts-safeql/check-sql');
}

export async function databasesWithPrefix(prefix: string): Promise<string[]> {
  const admin = await connectPg(SERVER_URL);
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [prefix],
    );
    return rows.map((r) => r.datname);
  } finally {
    await admin.close();
  }
}

export async function dropDatabasesWithPrefix(prefix: string): Promise<void> {
  const names = await databasesWithPrefix(prefix);
  const admin = await connectPg(SERVER_URL);
  try {
    for (const name of names) await admin.exec(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  } finally {
    await admin.close();
  }
}

/** The embedded PGlite servers the plugin started for this project (from their state files). */
export function embeddedServers(project: Project): EmbeddedServerState[] {
  return listEmbeddedServers(project.dir);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** Stop the servers this test's plugin started, then remove the project. */
export function removeProject(project: Project): void {
  stopEmbeddedServers(project.dir);
  rmSync(project.dir, { recursive: true, force: true });
}
