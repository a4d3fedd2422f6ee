// Lint must not depend on the PostgreSQL major that normalized the schema: PGlite (18) and the server (15)
// deparse and record some things differently, and a shadow on either must yield the same findings.
import { PGlite } from '@electric-sql/pglite';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadLegacy } from '../../examples/legacy/load.ts';
import { fromPglite } from '../../src/db/queryable.ts';
import type { LintResult } from '../../src/lint/index.ts';
import { lintDatabase, reset, useDatabase } from './harness.ts';

const summary = (r: LintResult) => r.findings.map((f) => `${f.rule} ${f.messageId} ${f.object ?? ''}: ${f.message}`).sort();

describe('lint findings on PGlite equal those on the server', () => {
  let server: LintResult;
  let pglite: LintResult;
  const db = useDatabase();
  beforeAll(async () => {
    await reset(db());
    await loadLegacy(db(), { data: false });
    server = await lintDatabase(db());
    const lite = fromPglite(new PGlite({ extensions: { uuid_ossp } }));
    try {
      await loadLegacy(lite, { data: false });
      pglite = await lintDatabase(lite);
    } finally {
      await lite.close();
    }
  }, 120_000);

  test('same findings, same messages', () => {
    expect(server.findings.length).toBeGreaterThan(50);
    expect(summary(pglite)).toEqual(summary(server));
  });
});
