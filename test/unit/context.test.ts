import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveContext } from '../../src/cli/context.ts';

describe('flags over config over defaults', () => {
  const cwd = process.cwd();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sp-ctx-'));
    writeFileSync(path.join(dir, 'schemaplan.yaml'), 'desired: db/\nenvironments:\n  prod:\n    url: "${SP_PROD_URL}"\n');
    process.chdir(dir);
    delete process.env['DATABASE_URL'];
  });
  afterEach(() => process.chdir(cwd));

  it('targets the embedded dev database by default, with the configured desired path', () => {
    const r = resolveContext({});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.target).toEqual({ kind: 'embedded', dataDir: path.join(dir, '.schemaplan', 'dev') });
    expect(r.value.desiredPath).toBe(path.join(dir, 'db'));
  });
  it('reads an environment URL from the process environment', () => {
    process.env['SP_PROD_URL'] = 'postgres://app@db.internal/app';
    const r = resolveContext({ env: 'prod' });
    expect(r.ok && r.value.target).toEqual({ kind: 'url', url: 'postgres://app@db.internal/app' });
  });
  it('names an unknown environment and the known ones', () => {
    const r = resolveContext({ env: 'staging' });
    expect(!r.ok && r.error.message).toBe('unknown environment "staging"');
    expect(!r.ok && r.error.hint).toBe('known: prod');
  });
  it('lets --target win over DATABASE_URL, and DATABASE_URL over the embedded default', () => {
    process.env['DATABASE_URL'] = 'postgres://x@h/from_env';
    expect(resolveContext({}).ok && (resolveContext({}) as { value: { target: unknown } }).value.target).toEqual({ kind: 'url', url: 'postgres://x@h/from_env' });
    const r = resolveContext({ target: 'postgres://x@h/from_flag', desired: 'other/' });
    expect(r.ok && r.value.target).toEqual({ kind: 'url', url: 'postgres://x@h/from_flag' });
    expect(r.ok && r.value.desiredPath).toBe('other/');
    delete process.env['DATABASE_URL'];
  });
});
