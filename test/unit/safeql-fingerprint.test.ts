import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSafeqlSettings, type SafeqlSettings } from '../../src/integrations/safeql/settings.ts';
import { desiredStateFingerprint } from '../../src/integrations/safeql/fingerprint.ts';

let dir: string;
const settings = (env: NodeJS.ProcessEnv = {}): SafeqlSettings => {
  const r = readSafeqlSettings(dir, env);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sp-safeql-fp-'));
  mkdirSync(join(dir, 'desired'));
  writeFileSync(join(dir, 'desired', 'a.sql'), 'CREATE TABLE a (id int);\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('desiredStateFingerprint', () => {
  it('is stable while nothing changes, even when a file is touched', () => {
    const before = desiredStateFingerprint(settings());
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'desired', 'a.sql'), later, later);
    expect(desiredStateFingerprint(settings())).toBe(before);
  });

  it('changes with a file content, a new file, the managed schemas and the dev server', () => {
    const seen = new Set([desiredStateFingerprint(settings())]);
    writeFileSync(join(dir, 'desired', 'a.sql'), 'CREATE TABLE a (id bigint);\n');
    seen.add(desiredStateFingerprint(settings()));
    mkdirSync(join(dir, 'desired', 'nested'));
    writeFileSync(join(dir, 'desired', 'nested', 'b.sql'), 'CREATE TABLE b (id int);\n');
    seen.add(desiredStateFingerprint(settings()));
    writeFileSync(join(dir, 'schemaplan.yaml'), 'schemas: [public, app]\n');
    seen.add(desiredStateFingerprint(settings()));
    seen.add(desiredStateFingerprint(settings({ SCHEMAPLAN_DEV_URL: 'postgres://localhost/x' })));
    expect(seen.size).toBe(5);
  });

  it('differs between two projects with the same desired state', () => {
    const other = mkdtempSync(join(tmpdir(), 'sp-safeql-fp-'));
    try {
      mkdirSync(join(other, 'desired'));
      writeFileSync(join(other, 'desired', 'a.sql'), 'CREATE TABLE a (id int);\n');
      const o = readSafeqlSettings(other, {});
      if (!o.ok) throw new Error(o.error.message);
      expect(desiredStateFingerprint(o.value)).not.toBe(desiredStateFingerprint(settings()));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('readSafeqlSettings', () => {
  it('takes devUrl from schemaplan.yaml, SCHEMAPLAN_DEV_URL over it, and the desired directory from "desired"', () => {
    writeFileSync(join(dir, 'schemaplan.yaml'), 'devUrl: postgres://from-config/db\ndesired: schema\n');
    expect(settings().devUrl).toBe('postgres://from-config/db');
    expect(settings().desiredDir).toBe(join(dir, 'schema'));
    expect(settings({ SCHEMAPLAN_DEV_URL: 'postgres://from-env/db' }).devUrl).toBe('postgres://from-env/db');
  });

  it('reads the CLI\'s other dev URLs: embedded is the default, docker:// is refused with what to do instead', () => {
    writeFileSync(join(dir, 'schemaplan.yaml'), 'devUrl: embedded\n');
    expect(settings().devUrl).toBeNull();
    writeFileSync(join(dir, 'schemaplan.yaml'), 'devUrl: docker://postgres:16\n');
    const r = readSafeqlSettings(dir, {});
    expect(!r.ok && r.error.message).toMatch(/^SafeQL cannot use the dev URL docker:\/\/postgres:16/);
    expect(settings({ SCHEMAPLAN_DEV_URL: 'embedded' }).devUrl).toBeNull();
  });

  it('reports a config file that is not YAML with its path', () => {
    writeFileSync(join(dir, 'schemaplan.yaml'), 'devUrl: [unclosed\n');
    const r = readSafeqlSettings(dir, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.location?.file.endsWith('schemaplan.yaml')).toBe(true);
  });
});
