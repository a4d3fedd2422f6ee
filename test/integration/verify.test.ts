import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyConverged, verifyReached } from '../../src/apply/verify.ts';
import type { Queryable } from '../../src/db/queryable.ts';
import { introspect } from '../../src/introspect/introspect.ts';
import type { Catalog } from '../../src/model/catalog.ts';
import { makePlan } from '../../src/plan/make-plan.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

describe('verifying an apply', () => {
  let target: TestDb;
  let wanted: TestDb;
  let db: Queryable;
  let desired: Catalog;
  beforeAll(async () => {
    target = await createTestDb('sp_verify_', 'create table t (a int);');
    wanted = await createTestDb('sp_verify_', 'create table t (a int, b int); create table u (id int);');
    const w = await wanted.connect();
    desired = await introspect(w, { schemas: ['public'] });
    await w.close();
    db = await target.connect();
  });
  afterAll(async () => {
    await db.close();
    await target.drop();
    await wanted.drop();
  });

  it('passes when planning again yields nothing', async () => {
    expect(await verifyConverged(db, await introspect(db, { schemas: ['public'] }), ['public'], {})).toEqual({ ok: true, value: undefined });
  });

  it('names every object that did not converge', async () => {
    const r = await verifyConverged(db, desired, ['public'], {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('converge');
    expect(r.error.message).toContain('column public.t.b');
    expect(r.error.message).toContain('table public.u');
  });

  it('checks a saved plan against the state it was made for', async () => {
    const current = await introspect(db, { schemas: ['public'] });
    const toWanted = makePlan(current, desired, ['public']);
    expect((await verifyReached(db, toWanted)).ok).toBe(false);
    expect((await verifyReached(db, makePlan(current, current, ['public']))).ok).toBe(true);
  });
});
