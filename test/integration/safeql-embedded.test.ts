/**
 * SafeQL through schemaplan's plugin with no server configured: the desired state runs in an embedded PGlite
 * that a background process serves over the PostgreSQL wire protocol (@electric-sql/pglite-socket).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedServerFiles, embeddedServerUrl } from '../../src/integrations/safeql/embedded-server.ts';
import { safeqlCacheKey } from '../../src/integrations/safeql/cache-key.ts';
import { findingsCases, renameAvatarUrl } from './safeql-findings.ts';
import {
  createEslint,
  embeddedServers,
  FIXTURES,
  isAlive,
  lintFixture,
  makeProject,
  removeProject,
  ROOT,
  safeqlMessages,
  waitUntil,
  writeEslintConfig,
  type Project,
} from './safeql-harness.ts';

const run = promisify(execFile);

/** Pids of running pglite-server processes started for the project at `dir` (Linux /proc). */
function serverProcessesFor(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    const args = cmdline.split('\0');
    if (args.some((a) => a.endsWith('pglite-server.ts')) && args[args.indexOf('--cwd') + 1] === dir) pids.push(Number(entry));
  }
  return pids;
}

// No server at all: neither the environment nor the plugin options name one.
delete process.env['SCHEMAPLAN_DEV_URL'];

let project: Project;

beforeAll(() => {
  project = makeProject();
});

afterAll(() => removeProject(project));

describe('SafeQL on the embedded PGlite', { timeout: 120_000 }, () => {
  findingsCases(
    () => project,
    () => ({ idleSeconds: 120 }),
  );

  it('serves the desired state to several connections at once', async () => {
    const [server, ...others] = embeddedServers(project);
    expect(others).toEqual([]);
    // SafeQL's own connection is still open; two more must be accepted alongside it.
    const clients = [0, 1].map(() => new pg.Client({ connectionString: embeddedServerUrl(server!.port) }));
    try {
      await Promise.all(clients.map((c) => c.connect()));
      const answers = await Promise.all(
        clients.map((c) =>
          c.query<{ column_name: string }>(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'workflow_runs' ORDER BY column_name",
          ),
        ),
      );
      for (const a of answers) expect(a.rows.map((r) => r.column_name)).toContain('userId');
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => {})));
    }
  });
});

describe('SafeQL embedded PGlite: cache key, lifecycle, loading', { timeout: 120_000 }, () => {
  it('keeps the server while desired/ is unchanged and replaces it when desired/ changes', async () => {
    const own = makeProject();
    try {
      const eslint = createEslint(own, { idleSeconds: 120 });
      const before = safeqlCacheKey({ cwd: own.dir });
      expect(safeqlMessages(await lintFixture(eslint, 'cache-key')).map((m) => m.message)).toEqual([]);
      const [first, ...none] = embeddedServers(own);
      expect(none).toEqual([]);
      expect(first?.fingerprint).toBe(before);

      expect(safeqlMessages(await lintFixture(eslint, 'cache-key')).map((m) => m.message)).toEqual([]);
      expect(embeddedServers(own)).toEqual([first]);

      renameAvatarUrl(own);
      const after = safeqlCacheKey({ cwd: own.dir });
      expect(after).not.toBe(before);
      const messages = safeqlMessages(await lintFixture(eslint, 'cache-key'));
      expect(messages.map((m) => m.message)).toEqual(['Invalid Query: column u.avatarUrl does not exist']);

      // The server for the old desired state is told to exit; the new one serves the new state.
      expect(await waitUntil(() => !isAlive(first!.pid), 15_000)).toBe(true);
      const current = embeddedServers(own);
      expect(current.map((s) => s.fingerprint)).toEqual([after]);
    } finally {
      removeProject(own);
    }
  });

  it('exits on its own after the idle time, and the next lint starts a new one', async () => {
    const own = makeProject();
    try {
      const eslint = createEslint(own, { idleSeconds: 3 });
      expect(safeqlMessages(await lintFixture(eslint, 'cache-key')).map((m) => m.message)).toEqual([]);
      const [server] = embeddedServers(own);
      expect(server && isAlive(server.pid)).toBe(true);
      // SafeQL still holds its connection: idleness is measured in queries, not connections.
      expect(await waitUntil(() => !isAlive(server!.pid), 30_000)).toBe(true);
      expect(existsSync(join(own.dir, '.schemaplan', 'safeql', `pglite-${server!.fingerprint.slice(0, 12)}.json`))).toBe(false);

      // Same ESLint process, same cache key, so SafeQL reuses its connection: it must reconnect to a new server.
      // (A different query text, since SafeQL memoizes answers per query.)
      const [again] = await eslint.lintText(readFileSync(join(ROOT, FIXTURES, 'correct.ts'), 'utf8'), {
        filePath: join(ROOT, FIXTURES, 'correct.ts'),
      });
      expect(again?.messages.map((m) => m.message)).toEqual([]);
      const [restarted] = embeddedServers(own);
      expect(restarted && restarted.pid !== server!.pid && isAlive(restarted.pid)).toBe(true);
    } finally {
      removeProject(own);
    }
  });

  it('starts one server when two ESLint processes need it at the same time', async () => {
    const own = makeProject();
    try {
      const config = writeEslintConfig(own, { idleSeconds: 30 });
      const eslintCli = () =>
        run(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '-c', config, '--format', 'json', `${FIXTURES}/correct.ts`], {
          cwd: ROOT,
        });
      const outputs = await Promise.all([eslintCli(), eslintCli()]);
      for (const { stdout } of outputs) {
        const [result] = JSON.parse(stdout) as { messages: { message: string }[] }[];
        expect(result?.messages.map((m) => m.message)).toEqual([]);
      }
      // Exactly one server process for this project exists, and it is the recorded one.
      const [server, ...more] = embeddedServers(own);
      expect(more).toEqual([]);
      expect(serverProcessesFor(own.dir)).toEqual([server!.pid]);
    } finally {
      removeProject(own);
    }
  });

  it('takes over the start lock of an ESLint process that died while starting the server', async () => {
    const own = makeProject();
    try {
      const dead = spawnSync(process.execPath, ['-e', '']).pid!;
      const lock = embeddedServerFiles(own.dir, safeqlCacheKey({ cwd: own.dir })).lock;
      writeFileSync(lock, String(dead));
      const started = Date.now();
      const messages = safeqlMessages(await lintFixture(createEslint(own, { idleSeconds: 30 }), 'cache-key'));
      expect(messages.map((m) => m.message)).toEqual([]);
      expect(Date.now() - started).toBeLessThan(60_000); // not the two-minute stale-lock timeout
      expect(existsSync(lock)).toBe(false);
    } finally {
      removeProject(own);
    }
  });

  it('loads the external stubs (the Supabase preset) before the desired state, as plan does', async () => {
    const own = makeProject();
    try {
      const lintAuth = async () =>
        safeqlMessages(await lintFixture(createEslint(own, { idleSeconds: 30 }), 'supabase-auth')).map((m) => m.message);
      expect(await lintAuth()).toEqual(['Invalid Query: relation "auth.users" does not exist']);
      writeFileSync(join(own.dir, 'schemaplan.yaml'), 'external:\n  preset: supabase\n');
      expect(await lintAuth()).toEqual([]);
    } finally {
      removeProject(own);
    }
  });

  it('reports desired SQL that does not load as the lint message', async () => {
    const own = makeProject();
    try {
      writeFileSync(join(own.desiredDir, '040-broken.sql'), 'CREATE TABLE broken (id uuid REFERENCES nowhere (id));\n');
      const messages = safeqlMessages(await lintFixture(createEslint(own, { idleSeconds: 30 }), 'cache-key'));
      expect(messages).toHaveLength(1);
      expect(messages[0]?.message).toContain('relation "nowhere" does not exist');
      expect(messages[0]?.message).toContain('040-broken.sql');
    } finally {
      removeProject(own);
    }
  });
});
