import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { buildDesiredCatalog } from '../../src/desired/build.ts';
import { pgliteProvider } from '../../src/desired/shadow/pglite.ts';
import { unwrapSources } from './harness.ts';
import { formatFindings, lintDesired, type LintResult } from '../../src/lint/index.ts';

const CONFIG = `external:
  preset: supabase
lint:
  rules:
    timestamps-present: warn
    fk-index: off
    table-naming: [warn, { number: plural }]
`;

const TABLES = `create table users (
  id uuid primary key references auth.users (id),
  email text not null
);
alter table users enable row level security;

-- schemaplan-ignore uuid-primary-key: rows are copied from the old system with their ids
create table legacy_imports (
  id bigint generated always as identity primary key,
  "userId" uuid references users (id)
);
alter table legacy_imports enable row level security;
create policy legacy_imports_own on legacy_imports for select to authenticated using ("userId" = auth.uid());

create table audit_log (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references auth.users (id)
);
alter table audit_log enable row level security;
create policy audit_log_own on audit_log for select to authenticated using (user_id = auth.uid());
`;

const FUNCTIONS = `create function touch() returns trigger language plpgsql as $$
begin
  NEW.updatedAt := now();
  return NEW;
end $$;
`;

const YAML = `tables:
  user_sessions:
    id: uuid
    columns:
      user_id: { type: uuid, references: users.id }
      token:
        type: text
        lintIgnore: { camel-case-columns: "named by the auth provider" }
        unique: true
    indexes:
      - [user_id]
    rls: enabled
    lintIgnore:
      timestamps-present: "sessions expire; nothing is ever updated"
      rls-without-policy: "only the service role reads sessions"
`;

describe('lintDesired on a desired directory loaded through the shadow', () => {
  let dir: string;
  let result: LintResult;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sp-lint-'));
    mkdirSync(path.join(dir, 'desired'));
    writeFileSync(path.join(dir, 'schemaplan.yaml'), CONFIG);
    writeFileSync(path.join(dir, 'desired', '01-tables.sql'), TABLES);
    writeFileSync(path.join(dir, 'desired', '02-functions.sql'), FUNCTIONS);
    writeFileSync(path.join(dir, 'desired', 'sessions.yaml'), YAML);
    const config = loadConfig(dir);
    if (!config.ok) throw new Error(config.error.message);
    const desired = await buildDesiredCatalog(config.value, path.join(dir, 'desired'), pgliteProvider(), { cacheDir: null });
    if (!desired.ok) throw new Error(desired.error.message);
    const linted = lintDesired({ catalog: desired.value.catalog, sources: unwrapSources(await desired.value.sources()), lintConfig: config.value.lint });
    if (!linted.ok) throw new Error(linted.error.map((e) => e.message).join('; '));
    result = linted.value;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const brief = () => result.findings.map((f) => [f.rule, f.object ?? '', f.location ? `${path.basename(f.location.file)}:${f.location.line}` : '']);

  test('findings point at the desired files and lines', () => {
    expect(brief()).toEqual(
      expect.arrayContaining([
        ['user-fk-to-users', 'constraint public.audit_log.audit_log_user_id_fkey', '01-tables.sql:15'],
        ['camel-case-columns', 'column public.audit_log.user_id', '01-tables.sql:17'],
        ['table-naming', 'table public.audit_log', '01-tables.sql:15'],
        ['unquoted-camel-case', '', '02-functions.sql:3'],
      ]),
    );
  });

  test('the source suppression hides its finding and is not reported unused', () => {
    expect(result.suppressed.filter((s) => s.finding.rule === 'uuid-primary-key').map((s) => [s.finding.rule, s.finding.object, s.suppression.reason])).toEqual([
      ['uuid-primary-key', 'column public.legacy_imports.id', 'rows are copied from the old system with their ids'],
    ]);
    expect(result.findings.filter((f) => f.rule.endsWith('-suppression') && f.location?.file.endsWith('.sql'))).toEqual([]);
  });

  test('rules turned off in schemaplan.yaml do not run', () => {
    expect(result.findings.filter((f) => f.rule === 'fk-index')).toEqual([]);
  });

  test('YAML lintIgnore suppresses findings of its table, once, and an unused one is reported once', () => {
    const sessions = result.suppressed.filter((s) => s.finding.object?.includes('user_sessions'));
    expect(sessions.map((s) => [s.finding.rule, s.finding.object]).sort()).toEqual([
      ['rls-without-policy', 'table public.user_sessions'],
      ['timestamps-present', 'table public.user_sessions'],
      ['timestamps-present', 'table public.user_sessions'],
    ]);
    expect(result.findings.filter((f) => f.object?.includes('user_sessions')).map((f) => [f.rule, f.object])).toEqual([
      ['camel-case-columns', 'column public.user_sessions.user_id'],
    ]);
    // "token" is camelCase already: its suppression covers nothing.
    expect(result.findings.filter((f) => f.rule === 'unused-suppression').map((f) => [path.basename(f.location!.file), f.location!.line])).toEqual([['sessions.yaml', 8]]);
  });

  test('bad lint configuration is a user error naming the path', () => {
    const r = lintDesired({ catalog: { objects: new Map(), edges: [], serverVersion: 0 }, sources: { files: [], statements: [] }, lintConfig: { rules: { 'rls-enabled': 'loud' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toContain('lint.rules.rls-enabled');
  });

  test('text output names file and line', () => {
    expect(formatFindings(result, 'text')).toMatch(/table public\.audit_log {2}\S*01-tables\.sql:15:1/);
  });
});
