import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandEnv, externalRoles, externalSchemas, loadConfig } from '../../src/config/config.ts';

const dirWith = (yaml: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sp-config-'));
  writeFileSync(path.join(dir, 'schemaplan.yaml'), yaml);
  return dir;
};

describe('schemaplan.yaml', () => {
  it('uses defaults when there is no file', () => {
    const r = loadConfig(mkdtempSync(path.join(tmpdir(), 'sp-none-')));
    expect(r.ok && r.value.schemas).toEqual(['public']);
    expect(r.ok && r.value.desired).toBe('desired');
  });
  it('names the file, line and key of a bad value', () => {
    const dir = dirWith('desired: desired/\nschemas:\n  - public\nexternal:\n  preset: firebase\n');
    const r = loadConfig(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.location?.line).toBe(5);
    expect(r.error.message).toMatch(/external\.preset/);
  });
  it('rejects an unknown key at the key, with a did-you-mean hint', () => {
    const r = loadConfig(dirWith('desired: x\nschemaz: [public]\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('config');
    expect(r.error.location).toMatchObject({ line: 2, column: 1 });
    expect(r.error.message).toBe('schemaz: unknown key "schemaz"');
    expect(r.error.hint).toBe('did you mean "schemas"?');
  });
  it('names every shape a value may take', () => {
    const r = loadConfig(dirWith('schemas: public\n'));
    expect(!r.ok && r.error.message).toBe('schemas: expected "all" or a list');
  });
  it('expands the supabase preset into external schemas and roles', () => {
    const r = loadConfig(dirWith('external:\n  preset: supabase\n  schemas: [billing]\n'));
    if (!r.ok) throw new Error(r.error.message);
    expect(externalSchemas(r.value)).toEqual(['auth', 'storage', 'extensions', 'billing']);
    expect(externalRoles(r.value)).toEqual(['anon', 'authenticated', 'service_role']);
  });
  it('reads ${VAR} from the environment and names a missing one', () => {
    process.env['SP_TEST_URL'] = 'postgres://x@h/db';
    expect(expandEnv('${SP_TEST_URL}')).toEqual({ ok: true, value: 'postgres://x@h/db' });
    const missing = expandEnv('${SP_NOT_SET_ANYWHERE}');
    expect(!missing.ok && missing.error.message).toBe('environment variable SP_NOT_SET_ANYWHERE is not set');
  });
  it('names the line of a bad lint setting', () => {
    const r = loadConfig(dirWith('schemas: [public]\nlint:\n  rules:\n    uuid-primary-key: error\n    camel-case-colums: warn\n'));
    expect(!r.ok && r.error.message).toBe('lint.rules.camel-case-colums: unknown lint rule "camel-case-colums"');
    expect(!r.ok && r.error.location).toMatchObject({ line: 5, column: 5 });
    const options = loadConfig(dirWith('lint:\n  rules:\n    fk-index:\n      - warn\n      - { nope: 1 }\n'));
    expect(!options.ok && options.error.message).toMatch(/^lint\.rules\.fk-index\.options/);
    expect(!options.ok && options.error.location?.line).toBeGreaterThanOrEqual(3);
  });
  it('names a stub file that does not exist at its line', () => {
    const dir = dirWith('external:\n  stubs:\n    - stubs/auth.sql\n    - stubs/missing.sql\n');
    mkdirSync(path.join(dir, 'stubs'));
    writeFileSync(path.join(dir, 'stubs/auth.sql'), 'create schema auth;');
    const r = loadConfig(dir);
    expect(!r.ok && r.error.message).toBe('stub file not found: stubs/missing.sql');
    expect(!r.ok && r.error.location?.line).toBe(4);
  });
  it('rejects a timeout Postgres would not read, at its line', () => {
    const r = loadConfig(dirWith('apply:\n  lockTimeout: 5 seconds\n'));
    expect(!r.ok && r.error.location?.line).toBe(2);
    expect(!r.ok && r.error.message).toMatch(/apply\.lockTimeout: expected a duration such as 5s/);
    for (const ok of ['5s', '500ms', '2min', '0', '1.5h', '250']) expect(loadConfig(dirWith(`apply:\n  statementTimeout: "${ok}"\n`)).ok).toBe(true);
    // YAML reads a bare 0 as a number: milliseconds, as Postgres reads it.
    const zero = loadConfig(dirWith('apply:\n  statementTimeout: 0\n'));
    expect(zero.ok && zero.value.apply.statementTimeout).toBe('0');
    expect(loadConfig(dirWith('apply:\n  statementTimeout: -5\n')).ok).toBe(false);
  });
});
