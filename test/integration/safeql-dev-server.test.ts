/** SafeQL through schemaplan's plugin with a dev server configured: one database per desired-state fingerprint. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeqlCacheKey, settingsFor } from '../../src/integrations/safeql/cache-key.ts';
import { devDatabaseName, ensureDevDatabase } from '../../src/integrations/safeql/dev-database.ts';
import { desiredStateFingerprint } from '../../src/integrations/safeql/fingerprint.ts';
import { findingsCases, renameAvatarUrl } from './safeql-findings.ts';
import {
  createEslint,
  databasesWithPrefix,
  dropDatabasesWithPrefix,
  FIXTURES,
  lintFixture,
  makeProject,
  removeProject,
  ROOT,
  safeqlMessages,
  TEST_URL,
  writeEslintConfig,
  type Project,
} from './safeql-harness.ts';

const run = promisify(execFile);

const prefix = `sp_safeql_${randomBytes(3).toString('hex')}_`;
let project: Project;

beforeAll(() => {
  project = makeProject();
});

afterAll(async () => {
  await dropDatabasesWithPrefix(prefix);
  removeProject(project);
});

describe('SafeQL on a dev server', { timeout: 120_000 }, () => {
  findingsCases(
    () => project,
    () => ({ devUrl: TEST_URL, databasePrefix: prefix }),
  );
});

describe('SafeQL database on a dev server', { timeout: 120_000 }, () => {
  it('loads the plugin in an ESLint process without require(esm), as an editor might run it', async () => {
    const config = writeEslintConfig(project, { devUrl: TEST_URL, databasePrefix: prefix });
    const eslintJs = join(ROOT, 'node_modules/eslint/bin/eslint.js');
    const { stdout } = await run(process.execPath, [eslintJs, '-c', config, '--format', 'json', `${FIXTURES}/missing-column.ts`], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '--no-experimental-require-module' },
    }).catch((e: { stdout: string }) => e); // exit code 1: the fixture has a finding
    const [result] = JSON.parse(stdout) as { messages: { message: string }[] }[];
    expect(result?.messages.map((m) => m.message)).toEqual(['Invalid Query: column u.nickname does not exist']);
  });

  it('reports an unreachable dev server at the query, without its password', async () => {
    const own = makeProject();
    try {
      const eslint = createEslint(own, { devUrl: 'postgres://postgres:s3cret@127.0.0.1:1/postgres', databasePrefix: prefix });
      const [m, ...rest] = safeqlMessages(await lintFixture(eslint, 'correct'));
      expect(rest.map((r) => r.message)).toHaveLength(1); // correct.ts holds two queries; each reports it
      expect(m?.message).toContain('cannot connect to dev server');
      expect(m?.message).toContain('127.0.0.1:1');
      expect(m?.message).not.toContain('s3cret');
    } finally {
      removeProject(own);
    }
  });

  it('builds one database when two processes ask for the same desired state at once', async () => {
    const own = makeProject();
    const ownPrefix = `${prefix}race_`;
    try {
      const settings = settingsFor({ cwd: own.dir, devUrl: TEST_URL });
      if (!settings.ok) throw new Error(settings.error.message);
      const fingerprint = desiredStateFingerprint(settings.value);
      const [a, b] = await Promise.all([
        ensureDevDatabase(settings.value, fingerprint, ownPrefix),
        ensureDevDatabase(settings.value, fingerprint, ownPrefix),
      ]);
      expect(a).toEqual(b);
      expect(a.ok).toBe(true);
      // The loser's staging copy is gone: only the final database remains.
      expect(await databasesWithPrefix(ownPrefix)).toEqual([devDatabaseName(ownPrefix, fingerprint)]);
    } finally {
      await dropDatabasesWithPrefix(ownPrefix);
      removeProject(own);
    }
  });

  it('reuses the database while desired/ is unchanged and rebuilds it when desired/ changes', async () => {
    const own = makeProject();
    const ownPrefix = `${prefix}ck_`;
    try {
      const eslint = createEslint(own, { devUrl: TEST_URL, databasePrefix: ownPrefix });
      const before = safeqlCacheKey({ cwd: own.dir, devUrl: TEST_URL });
      expect(safeqlMessages(await lintFixture(eslint, 'cache-key')).map((m) => m.message)).toEqual([]);
      const built = await databasesWithPrefix(ownPrefix);
      expect(built).toEqual([devDatabaseName(ownPrefix, before)]);

      // Unchanged desired state: same key, same database, nothing rebuilt.
      expect(safeqlMessages(await lintFixture(eslint, 'cache-key')).map((m) => m.message)).toEqual([]);
      expect(safeqlCacheKey({ cwd: own.dir, devUrl: TEST_URL })).toBe(before);
      expect(await databasesWithPrefix(ownPrefix)).toEqual(built);

      renameAvatarUrl(own);
      const after = safeqlCacheKey({ cwd: own.dir, devUrl: TEST_URL });
      expect(after).not.toBe(before);
      const messages = safeqlMessages(await lintFixture(eslint, 'cache-key'));
      expect(messages.map((m) => m.message)).toEqual(['Invalid Query: column u.avatarUrl does not exist']);
      // The superseded database is dropped; only the one for the new desired state remains.
      expect(await databasesWithPrefix(ownPrefix)).toEqual([devDatabaseName(ownPrefix, after)]);
    } finally {
      await dropDatabasesWithPrefix(ownPrefix);
      removeProject(own);
    }
  });
});
