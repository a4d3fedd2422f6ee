import { beforeAll, describe, expect, test } from 'vitest';
import { enumeratedValues } from '../../../src/lint/check-values.ts';
import { bypassOnly, isPlural, plural, singular, toCamel, toSnake, words } from '../../../src/lint/helpers.ts';
import { qualifiedCalls, stripSqlComments } from '../../../src/lint/sql-text.ts';
import { loadParser } from '../../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

describe('names', () => {
  test('words split camelCase, PascalCase, snake_case and acronyms', () => {
    expect(words('workflowRunId')).toEqual(['workflow', 'run', 'id']);
    expect(words('HTTPRequestLog')).toEqual(['http', 'request', 'log']);
    expect(words('audit_logs')).toEqual(['audit', 'logs']);
    expect(toSnake('userId')).toBe('user_id');
    expect(toCamel('created_at')).toBe('createdAt');
  });

  test('singular and plural of table words', () => {
    expect(['audit_logs', 'categories', 'addresses', 'statuses', 'boxes'].map((w) => singular(w.split('_').at(-1)!))).toEqual(['log', 'category', 'address', 'status', 'box']);
    expect(['log', 'category', 'address', 'day'].map(plural)).toEqual(['logs', 'categories', 'addresses', 'days']);
    expect(isPlural('workflow_runs')).toBe(true);
    expect(isPlural('status')).toBe(false);
  });
});

describe('CHECK constraints that enumerate values', () => {
  test('all the forms Postgres prints', () => {
    expect(enumeratedValues(`CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))`)).toEqual({ column: 'status', values: ['a', 'b'] });
    expect(enumeratedValues(`CHECK (((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))`)).toEqual({ column: 'status', values: ['a', 'b'] });
    expect(enumeratedValues(`CHECK (((kind = 'x'::text) OR (kind = 'y'::text)))`)).toEqual({ column: 'kind', values: ['x', 'y'] });
    expect(enumeratedValues(`CHECK ((plan = ANY ('{free,"pro plus"}'::text[]))) NOT VALID`)).toEqual({ column: 'plan', values: ['free', 'pro plus'] });
    expect(enumeratedValues(`CHECK (("eventType" = ANY (ARRAY['it''s'::text, 'b'::text])))`)).toEqual({ column: 'eventType', values: ["it's", 'b'] });
  });

  test('other CHECKs are not lists', () => {
    expect(enumeratedValues('CHECK ((n > 0))')).toBeNull();
    expect(enumeratedValues(`CHECK (((a = 'x'::text) OR (b = 'y'::text)))`)).toBeNull();
    expect(enumeratedValues(`CHECK ((status = ANY (ARRAY[lower(x), 'b'::text])))`)).toBeNull();
  });
});

describe('policies that only admit bypass roles', () => {
  const p = (roles: string[], using: string | null, withCheck: string | null = null) => ({ roles, using, withCheck });
  test('by role or by a role test', () => {
    expect(bypassOnly(p(['service_role'], 'true'), ['service_role'])).toBe('service_role');
    expect(bypassOnly(p(['public'], `(auth.role() = 'service_role'::text)`), ['service_role'])).toBe('service_role');
    expect(bypassOnly(p(['public'], `((auth.jwt() ->> 'role'::text) = 'service_role'::text)`), ['service_role'])).toBe('service_role');
  });
  test('not when anything else is admitted', () => {
    expect(bypassOnly(p(['authenticated', 'service_role'], 'true'), ['service_role'])).toBeNull();
    expect(bypassOnly(p(['public'], `((auth.role() = 'service_role'::text) OR (auth.uid() = "userId"))`), ['service_role'])).toBeNull();
    expect(bypassOnly(p(['public'], `(auth.role() = 'authenticated'::text)`), ['service_role'])).toBeNull();
  });
});

describe('SQL text', () => {
  test('comments are blanked, strings kept, positions unchanged', () => {
    const sql = "select 1 -- x\n/* y */ 'a -- b'";
    const out = stripSqlComments(sql);
    expect(out).toHaveLength(sql.length);
    expect(out).toContain("'a -- b'");
    expect(out).not.toContain('x');
  });

  test('qualified calls, not relations, strings or comments', () => {
    const calls = qualifiedCalls(`insert into public.audit (id) values (auth.uid()); -- auth.role()
      select "Auth"."Role"(), 'auth.jwt()' from only app.t (x)`);
    expect(calls).toEqual([
      { schema: 'auth', name: 'uid' },
      { schema: 'Auth', name: 'Role' },
    ]);
  });
});
