import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * An exclusive lock on a data directory between processes: PGlite keeps a database in one process's memory and
 * writes it back on close, so two schemaplan runs with the embedded dev database open at once would each write
 * their own copy (two applies: one's changes lost). The lock is a file beside the directory holding the owner's
 * pid; one whose owner is gone (killed) is taken over.
 */
export async function lockDir(dir: string, waitMs: number): Promise<{ release: () => void } | { heldBy: number }> {
  const file = `${dir}.lock`;
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner: number;
    try {
      owner = Number(readFileSync(file, 'utf8').trim() || NaN);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw e;
    }
    if (!alive(owner)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) return { heldBy: owner };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
