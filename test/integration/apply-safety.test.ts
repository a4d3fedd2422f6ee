import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply.ts';
import { defaultConfig } from '../../src/config/config.ts';
import { introspect } from '../../src/introspect/introspect.ts';
import { fingerprintCatalog } from '../../src/model/fingerprint.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';
import { createTestDb, SERVER_URL } from '../helpers/db.ts';
import { desiredFile } from '../helpers/roundtrip.ts';

describe('apply safety', () => {
  it('a statement that fails midway leaves the database exactly as it was', async () => {
    const t = await createTestDb('sp_safe_', `create table a (id int primary key); insert into a values (1);`);
    try {
      // The new NOT NULL column without a default fails on a table with rows, after other statements ran.
      const desired = desiredFile('create table a (id int primary key, must int not null); create table b (id int primary key); create index a_id_idx on a (id);');
      const prepared = await preparePlan({ config: defaultConfig(process.cwd()), desiredPath: desired, target: { kind: 'url', url: t.url }, devUrl: SERVER_URL, noCache: true });
      if (!prepared.ok) throw new Error(prepared.error.message);
      const { plan, target, schemas } = prepared.value;
      const before = fingerprintCatalog(await introspect(target.db, { schemas }));
      expect(plan.steps.flatMap((s) => s.statements).find((s) => s.sql.includes('ADD COLUMN must'))?.hazards.map((h) => h.code)).toContain('blocks-writes');
      const r = await applyPlan(target.db, plan, { lockTimeout: '5s', statementTimeout: '0', currentFingerprint: async () => before });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/failed: column "must" of relation "a" contains null values; the transaction was rolled back/);
      expect(fingerprintCatalog(await introspect(target.db, { schemas }))).toBe(before);
      await target.dispose();
    } finally {
      await t.drop();
    }
  });

  it('times out on a lock instead of queueing behind a long transaction', async () => {
    const t = await createTestDb('sp_lock_', 'create table a (id int primary key);');
    const blocker = await t.connect();
    try {
      await blocker.exec('begin; lock table a in access share mode');
      const prepared = await preparePlan({ config: defaultConfig(process.cwd()), desiredPath: desiredFile('create table a (id int primary key, n int);'), target: { kind: 'url', url: t.url }, devUrl: SERVER_URL, noCache: true });
      if (!prepared.ok) throw new Error(prepared.error.message);
      const { plan, target, schemas } = prepared.value;
      const r = await applyPlan(target.db, plan, { lockTimeout: '200ms', statementTimeout: '0', currentFingerprint: async () => fingerprintCatalog(await introspect(target.db, { schemas })) });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.hint).toMatch(/lock_timeout reached/);
      await target.dispose();
    } finally {
      await blocker.exec('rollback');
      await blocker.close();
      await t.drop();
    }
  });
});
