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
  it('rejects unknown keys', () => {
    const r = loadConfig(dirWith('desird: x\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.location?.line).toBe(1);
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
