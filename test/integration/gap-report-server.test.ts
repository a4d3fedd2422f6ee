import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLegacy } from '../../examples/legacy/load.ts';
import { loadConfig } from '../../src/config/config.ts';
import { generateReport } from '../../src/report/generate.ts';
import type { GapReport } from '../../src/report/model.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The report on a live database (examples/legacy loaded on the test server): plan and lint, no migration files. */
describe('the gap report on a database URL', () => {
  let db: TestDb;
  let report: GapReport;
  beforeAll(async () => {
    db = await createTestDb('sp_report_');
    const c = await db.connect();
    await loadLegacy(c, { stub: true, data: true });
    await c.close();
    const config = loadConfig(ROOT);
    if (!config.ok) throw new Error(config.error.message);
    const r = await generateReport({ config: config.value, desiredPath: path.join(ROOT, 'desired'), target: { kind: 'url', url: db.url }, devUrl: 'embedded', noCache: true });
    if (!r.ok) throw new Error(r.error.message);
    report = r.value;
  }, 180_000);
  afterAll(() => db?.drop());

  const objects = (section: string, heading: string) => report.sections.find((s) => s.title === section)?.subsections.find((h) => h.heading === heading)?.items.map((i) => i.object) ?? [];

  it('has no migration-file sections, and names the target without its password', () => {
    expect(report.sections.map((s) => s.title)).not.toContain('Missing in Migrations');
    expect(objects('Obsolete in Target', 'Functions That May Not Be Used')).toEqual([]);
    expect(report.target).toContain(db.name);
  });

  it('has the plan and lint items of the same database', () => {
    expect(objects('Obsolete in Target', 'Tables')).toEqual(expect.arrayContaining(['table public.spend', 'table public.metrics_daily']));
    expect(objects('Missing Constraints', 'Unique Constraints')).toContain('table public.telemetry_events');
    expect(objects('Trigger Issues', 'Missing Triggers')).toContain('table public.workflow_versions');
    expect(objects('Function Dependencies', 'Missing Helper Functions')).toContain('function auth.role()');
    expect(report.actions.sql).toContain('DROP TABLE public.spend;');
  });
});
