import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDir } from '../../src/desired/shadow/dir-lock.ts';

describe('the lock on the embedded dev database between processes', () => {
  const dir = () => path.join(mkdtempSync(path.join(tmpdir(), 'sp-lock-')), 'dev');

  it('is held by one owner at a time: another waits, then gives up naming it, and gets it once released', async () => {
    const d = dir();
    const first = await lockDir(d, 0);
    if (!('release' in first)) throw new Error('not locked');
    expect(await lockDir(d, 300)).toEqual({ heldBy: process.pid });
    first.release();
    expect(existsSync(`${d}.lock`)).toBe(false);
    const second = await lockDir(d, 0);
    expect('release' in second).toBe(true);
    if ('release' in second) second.release();
  });

  it('is taken over from an owner that is gone', async () => {
    const d = dir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${d}.lock`, String(gone));
    const lock = await lockDir(d, 0);
    expect('release' in lock).toBe(true);
    if ('release' in lock) lock.release();
  });
});
