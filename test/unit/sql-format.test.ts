import { beforeAll, describe, expect, it } from 'vitest';
import { sqlFormat, splitSql, stripPsqlMeta } from '../../src/desired/sql-format.ts';
import { loadParser } from '../../src/sql/parser.ts';
import { compileDesired } from '../../src/desired/build.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

describe('SQL splitting', () => {
  it('keeps each statement with its file:line:column, past comments and multi-byte text', () => {
    const text = "-- héllo wörld\ncreate table a (x int);\n\n  /* c */ create table \"ü\" (y text default 'ä');\n";
    const r = sqlFormat.compile([{ path: 'desired/a.sql', text }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((s) => [s.sql, s.location.line, s.location.column])).toEqual([
      ['create table a (x int)', 2, 1],
      ['create table "ü" (y text default \'ä\')', 4, 11],
    ]);
  });
  it('records the roles each statement names, from the parse tree of the split', () => {
    const text = 'grant select on t to app_user, public;\ncreate policy p on t to authenticated using (owner = current_user);\ncreate table "to" (x int);\n';
    const r = sqlFormat.compile([{ path: 'desired/g.sql', text }]);
    if (!r.ok) throw new Error(r.error[0]!.message);
    expect(r.value.map((s) => s.roles)).toEqual([['app_user'], ['authenticated'], []]);
  });
  it('reports a syntax error at its file:line:column', () => {
    const r = sqlFormat.compile([{ path: 'desired/bad.sql', text: 'create table a (x int);\ncreate tabel b (y int);\n' }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]!.location).toEqual({ file: 'desired/bad.sql', line: 2, column: 8 });
    expect(r.error[0]!.message).toMatch(/syntax error/);
  });
  it('reads rename hints and lint suppressions from comments', () => {
    const r = sqlFormat.compile([
      {
        path: 'd.sql',
        text: '-- schemaplan:renamed-from people\n-- schemaplan-ignore uuid-primary-key: legacy ids\ncreate table persons (id int);\n',
      },
    ]);
    if (!r.ok) throw new Error('compile failed');
    expect(r.value[0]!.renames).toEqual([{ kind: 'table', schema: 'public', from: 'people', to: 'persons' }]);
    expect(r.value[0]!.suppressions).toEqual([{ rule: 'uuid-primary-key', reason: 'legacy ids', location: { file: 'd.sql', line: 2, column: 1 } }]);
  });
  it('blanks psql meta-commands and COPY data so dumps load and line numbers stay', () => {
    const dump = '\\restrict abc\nCREATE TABLE t (a int);\nCOPY t (a) FROM stdin;\n1\n\\.\nSELECT 1;\n';
    const stripped = stripPsqlMeta(dump);
    expect(stripped.split('\n')).toHaveLength(dump.split('\n').length);
    const split = splitSql(dump);
    expect(split.ok && split.value.map((s) => s.sql)).toEqual(['CREATE TABLE t (a int)', 'SELECT 1']);
  });
  it('splits texts larger than one parse piece without cutting inside function bodies', () => {
    const fn = 'create function f() returns int language sql as $$\nselect 1;\nselect 2;\n$$;\n';
    const text = fn.repeat(3000) + 'create table x (a int);\n';
    const r = splitSql(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(3001);
    expect(r.value.every((s, i) => i === 3000 || s.sql.endsWith('$$'))).toBe(true);
    expect(r.value[3000]).toEqual({ kind: 'CreateStmt', sql: 'create table x (a int)', start: fn.length * 3000, comments: [], roles: [] });
  });
  it('reports a syntax error deep in a large text at its own position', () => {
    const text = 'create table a (x int);\n'.repeat(20000) + 'create tabel b (y int);\n';
    const r = splitSql(text);
    expect(!r.ok && r.error.index).toBe(24 * 20000 + 7);
  });
});

describe('rename hints in SQL', () => {
  const compile = (text: string) => sqlFormat.compile([{ path: 'desired/t.sql', text }]);
  it('are refused at their line when they cannot mean the table that follows', () => {
    const r = compile('create table a (id int);\n-- schemaplan:renamed-from billing.old_orders\ncreate table orders (id int);\n');
    expect(!r.ok && r.error[0]).toMatchObject({
      message: 'renamed-from billing.old_orders: the table is created in schema public; moving a table between schemas is not planned',
      location: { file: 'desired/t.sql', line: 2, column: 1 },
    });
  });
  it('unquote a quoted name and keep an unquoted one as written', () => {
    const r = compile('-- schemaplan:renamed-from "Old""Name"\ncreate table a (id int);\n-- schemaplan:renamed-from OldB\ncreate table b (id int);\n');
    expect(r.ok && r.value.flatMap((s) => s.renames ?? [])).toEqual([
      { kind: 'table', schema: 'public', from: 'Old"Name', to: 'a' },
      { kind: 'table', schema: 'public', from: 'OldB', to: 'b' },
    ]);
  });
});

describe('a statement the parser cannot read', () => {
  it('is reported on one line, quoting the text only up to the end of the line it starts on', () => {
    const r = sqlFormat.compile([{ path: 'desired/t.sql', text: "create table a (x text default 'abc);\ncreate table b (id int);\n" }]);
    expect(!r.ok && r.error[0]!.message).toBe('unterminated quoted string at or near "\'abc);…"');
  });
});

describe('objects schemaplan does not manage', () => {
  const text = 'create table t (id int);\ncreate statistics t_stats on id, id from t;\n  create rule r as on delete to t do instead nothing;\n';

  it('are refused in a desired state, at the first one, with its file:line', async () => {
    const r = await compileDesired([{ path: 'desired/t.sql', text }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^CREATE STATISTICS is not managed by schemaplan/);
    expect(r.error.location).toEqual({ file: 'desired/t.sql', line: 2, column: 1 });
  });

  it('load as they are from a migrations folder or a dump, which are never planned from', () => {
    const r = sqlFormat.compile([{ path: 'migrations/001.sql', text }]);
    expect(r.ok && r.value.map((s) => s.unmanaged ?? null)).toEqual([null, 'CREATE STATISTICS', 'CREATE RULE']);
  });
});
