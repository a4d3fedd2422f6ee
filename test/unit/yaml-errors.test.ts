import { beforeAll, describe, expect, it } from 'vitest';
import { compileErrors, where } from './yaml-helpers.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

describe('yaml validation errors', () => {
  it('reports an unknown key at the key with a did-you-mean hint', () => {
    const [e, ...rest] = compileErrors(`
      tables:
        users:
          id: uuid
          columns:
            email: { type: text, nulable: true }
    `);
    expect(rest).toEqual([]);
    expect(e?.code).toBe('desired-yaml');
    expect(e?.message).toContain('unknown key "nulable"');
    expect(e?.hint).toBe('did you mean "nullable"?');
    expect(where(e)).toBe('f1.yaml:5:28');
  });

  it('suggests top-level and table keys, case-insensitively', () => {
    const errors = compileErrors(`
      Tables: {}
    `);
    expect(errors[0]?.hint).toBe('did you mean "tables"?');
    const [e] = compileErrors(`
      tables:
        t:
          id: uuid
          timestamp: true
    `);
    expect(e?.hint).toBe('did you mean "timestamps"?');
    expect(where(e)).toBe('f1.yaml:4:5');
  });

  it('lists the allowed keys when nothing is close', () => {
    const [e] = compileErrors('tables:\n  t:\n    id: uuid\n    zzzzzzzzzz: 1\n');
    expect(e?.hint).toMatch(/^allowed keys: id, timestamps, columns/);
  });

  it('reports a wrong type at the value', () => {
    const [e] = compileErrors(`
      tables:
        t:
          id: uuid
          timestamps: "yes"
    `);
    expect(e?.message).toBe('tables.t.timestamps: expected a boolean, not a string');
    expect(where(e)).toBe('f1.yaml:4:17');
  });

  it('says mapping and list, not zod\'s record and array', () => {
    const [e] = compileErrors(`
      tables:
        - notes
    `);
    expect(e?.message).toBe('tables: expected a mapping, not a list');
    const [empty] = compileErrors(`
      tables:
    `);
    expect(empty?.message).toBe('tables: expected a mapping, not an empty value');
  });

  it('reports a value that fits no shorthand', () => {
    const [e] = compileErrors(`
      tables:
        t:
          columns:
            a: 42
    `);
    expect(e?.message).toBe('tables.t.columns.a: expected a string or a mapping');
    expect(where(e)).toBe('f1.yaml:4:10');
  });

  it('reports a missing required key on its mapping', () => {
    const [e] = compileErrors(`
      tables:
        t:
          columns:
            a: { nullable: true }
    `);
    expect(e?.message).toBe('tables.t.columns.a: missing required key "type"');
    expect(where(e)).toBe('f1.yaml:4:10');
  });

  it('reports YAML syntax errors with their position', () => {
    const [e] = compileErrors('tables:\n  t: [\n');
    expect(e?.code).toBe('desired-yaml');
    expect(e?.location?.line).toBe(3);
  });

  it('reports duplicate YAML keys', () => {
    const [e] = compileErrors('tables:\n  t:\n    id: uuid\n  t:\n    id: uuid\n');
    expect(e?.message).toMatch(/unique/i);
    expect(e?.location?.line).toBe(4);
  });

  it('reports a reference to a missing column of a YAML table, across files, with a hint', () => {
    const [e, ...rest] = compileErrors(
      'tables:\n  users:\n    id: uuid\n    columns:\n      email: text\n',
      'tables:\n  posts:\n    id: uuid\n    columns:\n      authorEmail: { type: text, references: users.emial }\n',
    );
    expect(rest).toEqual([]);
    expect(e?.message).toBe('posts_authorEmail_fkey: unknown column "emial" in referenced table public.users');
    expect(e?.hint).toBe('did you mean "email"?');
    expect(where(e)).toBe('f2.yaml:5:46');
  });

  it('leaves references to tables not defined in YAML to the shadow database', () => {
    const r = compileErrors('tables:\n  a:\n    columns:\n      u: { type: uuid, references: auth.users.id }\n      x: { type: text, check: "(" }\n');
    expect(r.map((e) => e.message)).toEqual(['not an SQL expression: syntax error at or near \")\"']);
  });

  it('reports unknown columns in keys, indexes and absorbs with hints', () => {
    const errors = compileErrors(`
      tables:
        runs:
          id: uuid
          columns:
            userId: uuid
          primaryKey: [userid]
          indexes:
            - [userID, workflowId]
            - { name: x, columns: [userId], include: [nope] }
    `);
    expect(errors.map((e) => [e.message, e.hint, where(e)])).toEqual([
      ['primary key declared twice (here and by `id:` or `primaryKey: true` on a column)', undefined, 'f1.yaml:6:5'],
      ['unknown column "userid" in table public.runs', 'did you mean "userId"?', 'f1.yaml:6:18'],
      ['unknown column "userID" in table public.runs', 'did you mean "userId"?', 'f1.yaml:8:10'],
      ['unknown column "workflowId" in table public.runs', undefined, 'f1.yaml:8:18'],
      ['unknown column "nope" in table public.runs', undefined, 'f1.yaml:9:49'],
    ]);
  });

  it('reports duplicate tables, enums and index names across files with the first location', () => {
    const errors = compileErrors(
      'enums:\n  kind: [a]\ntables:\n  users:\n    id: uuid\n    indexes:\n      - { name: shared, columns: [id] }\n',
      'schema: public\nenums:\n  public.kind: [b]\ntables:\n  users:\n    id: uuid\n  other:\n    id: uuid\n    indexes:\n      - { name: shared, columns: [id] }\n',
    );
    expect(errors.map((e) => [e.message, where(e)])).toEqual([
      ['enum public.kind is defined twice (first at f1.yaml:2:3)', 'f2.yaml:3:3'],
      ['table public.users is defined twice (first at f1.yaml:4:3)', 'f2.yaml:5:3'],
      ['index public.shared is defined twice (first at f1.yaml:7:9)', 'f2.yaml:10:9'],
    ]);
  });

  it('reports a column that clashes with `id:`', () => {
    const [e] = compileErrors('tables:\n  t:\n    id: uuid\n    columns:\n      id: bigint\n');
    expect(e?.message).toBe('column "id" is already defined by `id: uuid`');
    expect(where(e)).toBe('f1.yaml:5:7');
  });

  it('reports invalid SQL fragments at their node, including ones that try to escape their slot', () => {
    const errors = compileErrors(`
      tables:
        t:
          columns:
            a: { type: "text); drop table x; --", default: "1) from (select 1" }
            b: { type: "not a type" }
    `);
    expect(errors.map((e) => [e.message.replace(/:.*/, ''), where(e)])).toEqual([
      ['not an SQL type', 'f1.yaml:4:18'],
      ['not an SQL expression', 'f1.yaml:4:54'],
      ['not an SQL type', 'f1.yaml:5:18'],
    ]);
  });

  it('rejects contradictory options', () => {
    const errors = compileErrors(`
      tables:
        t:
          columns:
            a: { type: int, identity: always, default: 1 }
            b: { type: int, onDelete: cascade }
            c: { type: int, nullable: true, primaryKey: true }
          policies:
            p: { command: select, withCheck: "true" }
            q: { command: insert, using: "true" }
          indexes:
            - { columns: [{ expression: lower(b) }] }
            - { name: y, columns: [{ column: a, expression: a }] }
    `);
    expect(errors.map((e) => where(e))).toEqual([
      'f1.yaml:4:23',
      'f1.yaml:5:23',
      'f1.yaml:6:23',
      'f1.yaml:8:29',
      'f1.yaml:9:29',
      'f1.yaml:11:9',
      'f1.yaml:12:30',
    ]);
    expect(errors.map((e) => e.message)).toContain('an expression index needs a `name`');
  });
});

describe('yaml enum defaults', () => {
  it('reports a quoted default that is not a value of the enum', () => {
    const [e] = compileErrors(`
      enums:
        status: [pending, done]
      tables:
        jobs:
          columns:
            s: { type: status, default: "'pendng'" }
    `);
    expect(e?.message).toBe("'pendng' is not a value of enum public.status");
    expect(e?.hint).toBe('did you mean "pending"?');
    expect(where(e)).toBe('f1.yaml:6:35');
  });
});

describe('yaml enumerated options', () => {
  it('suggests the closest allowed option', () => {
    const errors = compileErrors(`
      tables:
        t:
          id: uuid
          rls: enable
          columns:
            p: { type: uuid, references: t.id, onDelete: cascde }
    `);
    expect(errors.map((e) => [e.message, e.hint, where(e)])).toEqual([
      ['tables.t.rls: expected "enabled" or "forced"', 'did you mean "enabled"?', 'f1.yaml:4:10'],
      [
        'tables.t.columns.p.onDelete: expected one of "cascade", "restrict", "set null", "set default", "no action"',
        'did you mean "cascade"?',
        'f1.yaml:6:52',
      ],
    ]);
  });
});
