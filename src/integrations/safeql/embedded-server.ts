/**
 * Starts (or finds) the background process that serves the desired state from an embedded PGlite over the
 * PostgreSQL wire protocol. It must live outside ESLint: SafeQL's worker blocks ESLint's main thread while it waits
 * for an answer, so a server inside the ESLint process could never answer. One process per fingerprint; it writes
 * `.schemaplan/safeql/pglite-<fp12>.json` ({ pid, port }) once the desired state is loaded and exits when idle.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { err, ok, type Result } from '../../errors.ts';
import type { SafeqlSettings } from './settings.ts';
import { safeqlStateDir } from './state-dir.ts';
import { readJson } from '../../json-file.ts';

export interface EmbeddedServerState {
  readonly pid: number;
  readonly port: number;
  readonly fingerprint: string;
}

/** pglite-server.ts exits with this when the desired state (or the config) does not load: the user's to fix. */
export const EXIT_DESIRED_STATE = 3;

const START_TIMEOUT_MS = 120_000;
/** A start lock older than this belongs to a launcher that hung (one that died is noticed by its pid). */
const STALE_LOCK_MS = START_TIMEOUT_MS + 10_000;

export function embeddedServerFiles(cwd: string, fingerprint: string) {
  const dir = safeqlStateDir(cwd);
  const base = `pglite-${fingerprint.slice(0, 12)}`;
  return { dir, state: join(dir, `${base}.json`), lock: join(dir, `${base}.lock`), log: join(dir, `${base}.log`) };
}

export function embeddedServerUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** The port of the server for `fingerprint`, started if it is not running (first use, or it idled out). */
export async function ensureEmbeddedServer(
  settings: SafeqlSettings,
  fingerprint: string,
  idleSeconds: number,
): Promise<Result<number>> {
  const files = embeddedServerFiles(settings.cwd, fingerprint);
  const running = await runningServer(files.state);
  if (running) return ok(running.port);

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!tryLock(files.lock)) {
    // Another ESLint process is starting the same server: wait for it rather than start a second one.
    await sleep(100);
    const started = await runningServer(files.state);
    if (started) return ok(started.port);
    if (Date.now() > deadline) return err({ code: 'shadow', message: `timed out waiting for ${files.lock}` });
  }
  try {
    // The previous holder of the lock may have just started it.
    const raced = await runningServer(files.state);
    if (raced) return ok(raced.port);
    // The servers of older fingerprints can never be asked again: stop them instead of waiting for their idle exit.
    stopEmbeddedServers(settings.cwd, fingerprint);
    const started = await startServer(settings, fingerprint, idleSeconds, files, deadline);
    return started.ok ? ok(started.value.port) : started;
  } finally {
    rmQuiet(files.lock);
  }
}

async function startServer(
  settings: SafeqlSettings,
  fingerprint: string,
  idleSeconds: number,
  files: ReturnType<typeof embeddedServerFiles>,
  deadline: number,
): Promise<Result<EmbeddedServerState>> {
  rmQuiet(files.state);
  const script = fileURLToPath(new URL('./pglite-server.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const log = openSync(files.log, 'w');
  const child = spawn(
    process.execPath,
    [
      ...['--import', tsx, script, '--cwd', settings.cwd, '--desired', settings.desiredDir],
      ...['--fingerprint', fingerprint, '--idle', String(idleSeconds), '--state', files.state],
    ],
    // Detached with its own session: it must outlive this ESLint run (the next run reuses it) and not receive
    // the terminal's Ctrl-C meant for ESLint.
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, SCHEMAPLAN_DEV_URL: '' } },
  );
  closeSync(log);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? 1));
  child.unref();
  while (Date.now() < deadline) {
    const state = await runningServer(files.state);
    if (state) return ok(state);
    if (exited !== null) {
      const output = readFileSync(files.log, 'utf8').trim();
      if (exited === EXIT_DESIRED_STATE) {
        return err({ code: 'desired-sql', message: `the embedded PGlite server could not load the desired state:\n${output}` });
      }
      return err({ code: 'shadow', message: `the embedded PGlite server stopped (exit code ${exited}):\n${output}` });
    }
    await sleep(50);
  }
  child.kill();
  return err({ code: 'shadow', message: `the embedded PGlite server did not start within ${START_TIMEOUT_MS / 1000}s (log: ${files.log})` });
}

/** The state file's server, if its process is alive and its port answers. */
async function runningServer(stateFile: string): Promise<EmbeddedServerState | null> {
  const state = readJson<EmbeddedServerState>(stateFile);
  if (!state || !isAlive(state.pid)) return null;
  return (await portAnswers(state.port)) ? state : null;
}

/** The embedded servers recorded for the project at `cwd` (whether or not they still run). */
export function listEmbeddedServers(cwd: string): EmbeddedServerState[] {
  const dir = safeqlStateDir(cwd);
  return readdirSync(dir)
    .filter((name) => /^pglite-[0-9a-f]{12}\.json$/.test(name))
    .map((name) => readJson<EmbeddedServerState>(join(dir, name)))
    .filter((s): s is EmbeddedServerState => s !== null);
}

/** Stop the project's embedded servers (all, or all but the one for `keep`); returns how many were signalled. */
export function stopEmbeddedServers(cwd: string, keep?: string): number {
  let stopped = 0;
  for (const state of listEmbeddedServers(cwd)) {
    if (state.fingerprint === keep || !isOurServer(state.pid)) continue;
    process.kill(state.pid, 'SIGTERM');
    stopped++;
  }
  return stopped;
}

/** Guards against pid reuse: on Linux, only signal a process whose command line is our server script. */
function isOurServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  if (process.platform !== 'linux') return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pglite-server.ts');
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function portAnswers(port: number): Promise<boolean> {
  const socket = await connectTo(port);
  socket?.destroy();
  return socket !== null;
}

/** A TCP connection to the embedded server, or null when nothing listens. */
export function connectTo(port: number): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(null));
  });
}

/** An exclusive-create lock file holding the launcher's pid (the ESLint process that starts the server). */
function tryLock(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    const holder = Number(readQuiet(file));
    const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    // An ESLint killed mid-start leaves its lock behind; nobody else must wait two minutes for it.
    if ((holder > 0 && !isAlive(holder)) || age > STALE_LOCK_MS) rmQuiet(file);
    return false;
  }
}

function readQuiet(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function rmQuiet(file: string): void {
  if (existsSync(file)) {
    try {
      unlinkSync(file);
    } catch {
      // already gone: another process cleaned up
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
