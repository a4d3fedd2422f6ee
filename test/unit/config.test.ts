import { mkdtempSync, writeFileSync } from 'node:fs';
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
    expect(missing.ok).toBe(false);
  });
});
