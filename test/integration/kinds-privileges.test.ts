import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.ts';
import { connectPg } from '../../src/db/queryable.ts';
import { isEmpty } from '../../src/plan/plan.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';
import { createTestDb, SERVER_URL } from '../helpers/db.ts';
import { desiredFile, roundtrip } from '../helpers/roundtrip.ts';

const suffix = randomBytes(3).toString('hex');
const app = `sp_kinds_app_${suffix}`;
const ops = `sp_kinds_ops_${suffix}`;
const prefix = 'sp_kinds_';
const table = 'create table t (id int primary key, label text, secret text);';

describe('grants', () => {
  beforeAll(async () => {
    const admin = await connectPg(SERVER_URL);
    for (const r of [app, ops]) await admin.exec(`CREATE ROLE ${r}`);
    await admin.close();
  });
  afterAll(async () => {
    const admin = await connectPg(SERVER_URL);
    for (const r of [app, ops]) await admin.exec(`DROP ROLE IF EXISTS ${r}`);
    await admin.close();
  });

  it('creates table, column, sequence, function, schema and type privileges', async () => {
    const to = `${table}
      create schema s; create sequence s.seq; create type s.e as enum ('a');
      create function s.f() returns int language sql as 'select 1';
      grant select on t to ${app} with grant option;
      grant update (label) on t to ${app};
      grant usage on schema s to ${app};
      grant usage, select on sequence s.seq to ${app};
      revoke execute on function s.f() from public;
      grant execute on function s.f() to ${app};
      grant usage on type s.e to ${app};`;
    const r = await roundtrip(table, to, { prefix, config: { schemas: ['public', 's'] } });
    expect(r.sql).toEqual(
      expect.arrayContaining([
        `GRANT SELECT ON TABLE public.t TO ${app} WITH GRANT OPTION`,
        `GRANT UPDATE (label) ON TABLE public.t TO ${app}`,
        `GRANT USAGE ON SCHEMA s TO ${app}`,
        `GRANT SELECT, USAGE ON SEQUENCE s.seq TO ${app}`,
        'REVOKE EXECUTE ON FUNCTION s.f() FROM PUBLIC',
        `GRANT EXECUTE ON FUNCTION s.f() TO ${app}`,
        `GRANT USAGE ON TYPE s.e TO ${app}`,
      ]),
    );
    // Each GRANT comes after the object it is on.
    const at = (p: string) => r.sql.findIndex((s) => s.startsWith(p));
    expect(at('CREATE OR REPLACE FUNCTION s.f()')).toBeLessThan(at('REVOKE EXECUTE ON FUNCTION s.f()'));
    expect(at('CREATE SEQUENCE s.seq')).toBeLessThan(at('GRANT SELECT, USAGE ON SEQUENCE s.seq'));
    expect(r.plan.steps.flatMap((s) => s.statements.flatMap((x) => x.hazards.map((h) => h.code)))).toContain('authz-change');
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('alters privileges and grant options in place, table-wide revokes before column grants', async () => {
    const from = `${table} grant select, insert on t to ${app} with grant option; grant select, update on t to ${ops};`;
    const to = `${table} grant select, delete on t to ${app}; grant select on t to ${ops}; grant update (label) on t to ${ops};`;
    const r = await roundtrip(from, to, { prefix });
    expect(r.sql).toEqual(
      expect.arrayContaining([
        `REVOKE INSERT ON TABLE public.t FROM ${app}`,
        `REVOKE GRANT OPTION FOR SELECT ON TABLE public.t FROM ${app}`,
        `GRANT DELETE ON TABLE public.t TO ${app}`,
        `REVOKE UPDATE ON TABLE public.t FROM ${ops}`,
      ]),
    );
    const at = (p: string) => r.sql.indexOf(p);
    expect(at(`REVOKE UPDATE ON TABLE public.t FROM ${ops}`)).toBeLessThan(at(`GRANT UPDATE (label) ON TABLE public.t TO ${ops}`));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('never revokes from roles the desired state does not grant to, unless config manages them', async () => {
    const from = `${table} grant select on t to ${app}; grant select on t to ${ops};`;
    const to = `${table} grant select, insert on t to ${app};`;
    const unmanaged = await roundtrip(from, to, { prefix });
    expect(unmanaged.sql).toEqual([`GRANT INSERT ON TABLE public.t TO ${app}`]);
    expect(isEmpty(unmanaged.replan)).toBe(true);
    const managed = await roundtrip(from, to, { prefix, config: { roles: { manage: [ops] } } });
    expect(managed.sql).toEqual(expect.arrayContaining([`REVOKE SELECT ON TABLE public.t FROM ${ops}`]));
    expect(isEmpty(managed.replan)).toBe(true);
    const all = await roundtrip(from, table, { prefix, config: { roles: { manage: 'all' } } });
    expect(all.sql.filter((s) => s.startsWith('REVOKE')).sort()).toEqual([`REVOKE SELECT ON TABLE public.t FROM ${app}`, `REVOKE SELECT ON TABLE public.t FROM ${ops}`]);
  });

  it('leaves PUBLIC alone unless the desired state departs from its built-in privileges', async () => {
    const fn = `create function f() returns int language sql as 'select 1';`;
    const from = `${fn} revoke execute on function f() from public;`;
    const untouched = await roundtrip(from, `${fn} grant execute on function f() to ${app};`, { prefix });
    expect(untouched.sql).toEqual([`GRANT EXECUTE ON FUNCTION public.f() TO ${app}`]);
    const restored = await roundtrip(`${fn}`, from, { prefix });
    expect(restored.sql).toEqual(['REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC']);
    expect(isEmpty(restored.replan)).toBe(true);
  });

  it('recreates the grants of a view rebuilt around a column type change', async () => {
    const view = `create view v as select id, label from t; grant select on v to ${app};`;
    const r = await roundtrip(`${table}${view}`, `create table t (id bigint primary key, label text, secret text);${view}`, { prefix });
    const at = (p: string) => r.sql.findIndex((s) => s.startsWith(p));
    expect(at('CREATE VIEW public.v')).toBeGreaterThanOrEqual(0);
    expect(at(`GRANT SELECT ON TABLE public.v TO ${app}`)).toBeGreaterThan(at('CREATE VIEW public.v'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('drops privileges with their object without a REVOKE', async () => {
    const r = await roundtrip(`${table} create table u (id int); grant select on u to ${app}; grant select on t to ${app};`, `${table} grant select on t to ${app};`, { prefix });
    expect(r.sql).toEqual(['DROP TABLE public.u']);
  });
});

describe('default privileges', () => {
  const role = `sp_kinds_def_${suffix}`;
  beforeAll(async () => {
    const admin = await connectPg(SERVER_URL);
    await admin.exec(`CREATE ROLE ${role}`);
    await admin.close();
  });
  afterAll(async () => {
    const admin = await connectPg(SERVER_URL);
    await admin.exec(`DROP ROLE IF EXISTS ${role}`);
    await admin.close();
  });

  it('creates, alters and drops ALTER DEFAULT PRIVILEGES entries', async () => {
    const a = `alter default privileges in schema public grant select on tables to ${role};`;
    const b = `alter default privileges in schema public grant select, insert on tables to ${role} with grant option;
               alter default privileges grant execute on functions to ${role};`;
    const created = await roundtrip('', a, { prefix });
    expect(created.sql).toEqual([`ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO ${role}`]);
    const altered = await roundtrip(a, b, { prefix });
    expect(altered.sql).toEqual(
      expect.arrayContaining([
        `ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT INSERT, SELECT ON TABLES TO ${role} WITH GRANT OPTION`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT EXECUTE ON FUNCTIONS TO ${role}`,
      ]),
    );
    expect(isEmpty(altered.replan)).toBe(true);
    const dropped = await roundtrip(b, `alter default privileges grant execute on functions to ${role};`, { prefix });
    expect(dropped.sql).toEqual([`ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public REVOKE INSERT, SELECT ON TABLES FROM ${role}`]);
    expect(isEmpty(dropped.replan)).toBe(true);
  });

  it('revokes what the target default privileges would hand a new table that the desired state withholds', async () => {
    const defaults = `alter default privileges in schema public grant select, insert on tables to ${role};`;
    const to = `${defaults} create table secrets (id int); revoke all on secrets from ${role};
                create table notes (id int); revoke insert on notes from ${role};`;
    const r = await roundtrip(defaults, to, { prefix });
    expect(r.sql).toEqual(expect.arrayContaining([`REVOKE INSERT, SELECT ON TABLE public.secrets FROM ${role}`, `REVOKE INSERT ON TABLE public.notes FROM ${role}`]));
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('roles referenced but not created', () => {
  it('creates them in the shadow, says so, and the plan never creates roles', async () => {
    const role = `sp_kinds_missing_${randomBytes(3).toString('hex')}`;
    const t = await createTestDb(prefix);
    const logs: string[] = [];
    try {
      const config = defaultConfig(process.cwd());
      const prepared = await preparePlan({
        config,
        desiredPath: desiredFile(`${table} grant select on t to ${role};`),
        target: { kind: 'url', url: t.url },
        devUrl: SERVER_URL,
        noCache: true,
        log: (m) => logs.push(m),
      });
      if (!prepared.ok) throw new Error(prepared.error.message);
      await prepared.value.target.dispose();
      expect(logs.some((l) => l.includes(`created role ${role}`))).toBe(true);
      const sql = prepared.value.plan.steps.flatMap((s) => s.statements.map((x) => x.sql));
      expect(sql.some((s) => /CREATE ROLE/i.test(s))).toBe(false);
      expect(sql).toContain(`GRANT SELECT ON TABLE public.t TO ${role}`);
    } finally {
      await t.drop();
      const admin = await connectPg(SERVER_URL);
      await admin.exec(`DROP ROLE IF EXISTS ${role}`);
      await admin.close();
    }
  });
});
