import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdFunctions, createdTables, policyTexts, readMigrations, rlsTableOf } from '../../src/report/migration-files.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

describe('reading a migrations folder for the gap report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sp-report-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, '2_rls.sql'), `alter table public.teams enable row level security;
do $$ begin
  create policy "Team ""owners""" on public.teams for select using ("ownerId" = auth.uid());
end $$;
create policy plain on teams using (true);
`);
  writeFileSync(path.join(dir, '1_init.sql'), `-- schemaplan:not-a-migration
create table teams (id uuid primary key, "ownerId" uuid, name text);
create function app.f(a integer, out b text) returns text language sql as $$ select 'x' $$;
`);
  writeFileSync(path.join(dir, 'notes.txt'), 'not sql');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads .sql files in byte order and marks files that are not team migrations', () => {
    const files = readMigrations(dir);
    if (!files.ok) throw new Error(files.error.message);
    expect(files.value.map((f) => [f.name, f.team, f.statements.length])).toEqual([
      ['1_init.sql', false, 2],
      ['2_rls.sql', true, 3],
    ]);
    expect(files.value[1]!.statements.map((s) => s.line)).toEqual([1, 2, 5]);
  });

  it('finds created tables with their columns, functions with their input argument types, RLS statements', () => {
    const files = readMigrations(dir);
    if (!files.ok) throw new Error(files.error.message);
    expect(createdTables(files.value).map((t) => [t.schema, t.name, t.columns.map((c) => `${c.name} ${c.type}`).join(', ')])).toEqual([['public', 'teams', 'id uuid, ownerId uuid, name text']]);
    expect(createdFunctions(files.value).map((f) => [f.schema, f.name, f.args])).toEqual([['app', 'f', ['integer']]]);
    expect(files.value[1]!.statements.map(rlsTableOf)).toEqual(['teams', null, 'teams']);
  });

  it('finds policies by text, inside DO blocks too, with quoted names and schema-qualified tables', () => {
    const files = readMigrations(dir);
    if (!files.ok) throw new Error(files.error.message);
    expect(policyTexts(files.value).map((p) => [p.name, p.table, p.text.includes('"ownerId"')])).toEqual([
      ['Team "owners"', 'teams', true],
      ['plain', 'teams', false],
    ]);
  });

  it('reports a file that does not parse with its file and line', () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'sp-report-'));
    writeFileSync(path.join(bad, '1.sql'), 'create table ok (id int);\n\ncreate tabel broken (id int);\n');
    const r = readMigrations(bad);
    rmSync(bad, { recursive: true, force: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.location).toMatchObject({ line: 3 });
  });
});
