import { beforeAll, describe, expect, it } from 'vitest';
import { compileErrors, compileOk, where } from './yaml-helpers.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

describe('yaml renames and lint suppressions', () => {
  it('puts table and column rename hints on the CREATE TABLE statement', () => {
    const stmts = compileOk(`
      schema: app
      tables:
        audit_logs:
          renamedFrom: audit_log
          id: uuid
          columns:
            userId: { type: uuid, renamedFrom: user_id }
            action: text
    `);
    const create = stmts.find((s) => s.sql.startsWith('CREATE TABLE'));
    expect(create?.renames).toEqual([
      { kind: 'table', schema: 'app', from: 'audit_log', to: 'audit_logs' },
      { kind: 'column', schema: 'app', table: 'audit_logs', from: 'user_id', to: 'userId' },
    ]);
    expect(stmts.filter((s) => s.renames)).toHaveLength(1);
  });

  it('lets a timestamps column be written out to carry a rename, keeping the trigger', () => {
    const stmts = compileOk(`
      tables:
        runs:
          timestamps: true
          columns:
            name: text
            createdAt: { type: timestamptz, default: now(), renamedFrom: created_at }
    `);
    const create = stmts.find((s) => s.sql.startsWith('CREATE TABLE'));
    expect(create?.sql).toBe(
      'CREATE TABLE public.runs (\n  name text NOT NULL,\n  "createdAt" timestamptz DEFAULT now() NOT NULL,\n  "updatedAt" timestamptz DEFAULT now() NOT NULL\n)',
    );
    expect(create?.renames).toEqual([{ kind: 'column', schema: 'public', table: 'runs', from: 'created_at', to: 'createdAt' }]);
    expect(stmts.some((s) => s.sql.startsWith('CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.runs'))).toBe(true);
  });

  it('puts table suppressions on every statement of the table and column suppressions on its statements', () => {
    const stmts = compileOk(`
      tables:
        events:
          id: uuid
          lintIgnore:
            rls-missing-policy: events are written by the service role only
          columns:
            userId:
              type: uuid
              references: users.id
              lintIgnore: { fk-without-index: "table is append-only and tiny" }
          rls: enabled
          comment: all events
    `);
    const table = { rule: 'rls-missing-policy', reason: 'events are written by the service role only', location: { file: 'f1.yaml', line: 5, column: 7 } };
    const column = { rule: 'fk-without-index', reason: 'table is append-only and tiny', location: { file: 'f1.yaml', line: 10, column: 23 } };
    const by = (prefix: string) => stmts.find((s) => s.sql.startsWith(prefix))?.suppressions;
    expect(by('CREATE TABLE')).toEqual([table, column]);
    expect(by('ALTER TABLE public.events ADD CONSTRAINT')).toEqual([table, column]);
    expect(by('ALTER TABLE public.events ENABLE')).toEqual([table]);
    expect(by('COMMENT ON TABLE')).toEqual([table]);
  });

  it('rejects a suppression without a reason, at its node', () => {
    const errors = compileErrors(`
      tables:
        t:
          id: uuid
          lintIgnore:
            rls-disabled:
            other-rule: ""
            Bad_Name: why
    `);
    expect(errors.map((e) => [e.message, where(e)])).toEqual([
      ['tables.t.lintIgnore.rls-disabled: a suppression needs a reason: `rule-name: why this is fine`', 'f1.yaml:5:7'],
      ['tables.t.lintIgnore.other-rule: a suppression needs a reason: `rule-name: why this is fine`', 'f1.yaml:6:19'],
      ['tables.t.lintIgnore.Bad_Name: invalid key "Bad_Name": a lint rule name is kebab-case, e.g. fk-without-index', 'f1.yaml:7:7'],
    ]);
  });
});
