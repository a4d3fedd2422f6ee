// Lint must not depend on the PostgreSQL major that normalized the schema: PGlite (18) and the server (15)
// deparse and record some things differently, and a shadow on either must yield the same findings.
import { PGlite } from '@electric-sql/pglite';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadLegacy } from '../../examples/legacy/load.ts';
import { rules } from '../../lint-rules/index.ts';
import { fromPglite } from '../../src/db/queryable.ts';
import { lintCatalog, parseLintConfig, type LintResult } from '../../src/lint/index.ts';
import { openDatabase, readCatalog, reset } from './harness.ts';

const config = parseLintConfig({}, rules);
if (!config.ok) throw new Error('config');
const lint = async (db: Parameters<typeof readCatalog>[0]) => lintCatalog({ catalog: await readCatalog(db), config: config.value });
const summary = (r: LintResult) => r.findings.map((f) => `${f.rule} ${f.messageId} ${f.object ?? ''}: ${f.message}`).sort();

describe('lint findings on PGlite equal those on the server', () => {
  let server: LintResult;
  let pglite: LintResult;
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    handle = await openDatabase();
    await reset(handle.db);
    await loadLegacy(handle.db, { data: false });
    server = await lint(handle.db);
    const lite = fromPglite(new PGlite({ extensions: { uuid_ossp } }));
    try {
      await loadLegacy(lite, { data: false });
      pglite = await lint(lite);
    } finally {
      await lite.close();
    }
  }, 120_000);
  afterAll(async () => {
    await handle?.drop();
  });

  test('same findings, same messages', () => {
    expect(server.findings.length).toBeGreaterThan(50);
    expect(summary(pglite)).toEqual(summary(server));
  });
});
