import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { connectPg, type Queryable } from '../db/queryable.ts';
import { connectionError, isPostgresUrl, redactUrl } from '../db/url.ts';
import { loadStubs } from '../desired/build.ts';
import { executeStatements } from '../desired/execute.ts';
import type { ShadowProvider } from '../desired/shadow/provider.ts';
import { openPgliteDir } from '../desired/shadow/pglite.ts';
import { filesBelow } from '../desired/discover.ts';
import { sqlFormat } from '../desired/sql-format.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
import { loadParser } from '../sql/parser.ts';

export type TargetSpec =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'dump'; readonly file: string }
  | { readonly kind: 'migrations'; readonly dir: string }
  | { readonly kind: 'embedded'; readonly dataDir: string };

export interface OpenTarget {
  readonly db: Queryable;
  readonly description: string;
  /** Only databases can be applied to; a dump or a migrations folder is read through a shadow. */
  readonly writable: boolean;
  dispose(): Promise<void>;
}

/** `host=… dbname=…`: libpq's keyword/value form of a connection string. */
const KEYWORD_CONNINFO = /(?:^|\s)(?:host|hostaddr|port|dbname|user|password|sslmode|service)\s*=/;

export function parseTarget(value: string | undefined, root: string): TargetSpec {
  if (!value) return { kind: 'embedded', dataDir: path.join(root, '.schemaplan', 'dev') };
  if (isPostgresUrl(value)) return { kind: 'url', url: value };
  if (existsSync(value) && statSync(value).isDirectory()) return { kind: 'migrations', dir: value };
  return { kind: 'dump', file: value };
}

export function describeTarget(spec: TargetSpec): string {
  switch (spec.kind) {
    case 'url':
      return redactUrl(spec.url);
    case 'dump':
      return spec.file;
    case 'migrations':
      return `${spec.dir} (migrations)`;
    case 'embedded':
      return 'embedded dev database';
  }
}

export async function openTarget(spec: TargetSpec, config: Config, provider: ShadowProvider): Promise<Result<OpenTarget, UserError>> {
  switch (spec.kind) {
    case 'url': {
      try {
        const db = await connectPg(spec.url, 'target');
        return ok({ db, description: redactUrl(spec.url), writable: true, dispose: () => db.close() });
      } catch (e) {
        return err(connectionError(spec.url, e, 'target'));
      }
    }
    case 'embedded': {
      const opened = await openPgliteDir(spec.dataDir);
      if (!opened.ok) return opened;
      const { db, created } = opened.value;
      if (created) {
        const stubs = await loadStubs(db, config);
        if (!stubs.ok) {
          await db.close();
          // Created just now and holding nothing else: without its stubs it must not pass for a ready dev
          // database on the next run.
          rmSync(spec.dataDir, { recursive: true, force: true });
          return stubs;
        }
      }
      return ok({ db, description: `embedded dev database (${path.relative(process.cwd(), spec.dataDir) || spec.dataDir})`, writable: true, dispose: () => db.close() });
    }
    case 'dump':
    case 'migrations':
      return loadFilesIntoShadow(spec, config, provider);
  }
}

/** A dump or a migrations folder (files in lexical order) is executed in a shadow, then read like a database. */
async function loadFilesIntoShadow(spec: Extract<TargetSpec, { kind: 'dump' | 'migrations' }>, config: Config, provider: ShadowProvider): Promise<Result<OpenTarget, UserError>> {
  const files = spec.kind === 'dump' ? [spec.file] : migrationFiles(spec.dir);
  if (spec.kind === 'dump' && !existsSync(spec.file) && KEYWORD_CONNINFO.test(spec.file)) {
    // `host=… dbname=… password=…`: a connection string in libpq's other form, never printed as it was given.
    return err({ code: 'target', message: `--target takes a postgres:// URL, not a keyword/value connection string (${redactUrl(spec.file)})`, hint: 'write it as postgres://user:password@host:port/dbname' });
  }
  if (!files.length || !files.every((f) => existsSync(f))) {
    return err({ code: 'target', message: spec.kind === 'dump' ? `target file not found: ${spec.file}` : `no .sql files in ${spec.dir}`, hint: 'pass a postgres:// URL, a .sql dump or a folder of migrations' });
  }
  await loadParser();
  const opened = await provider.open();
  if (!opened.ok) return opened;
  const shadow = opened.value;
  const stubs = await loadStubs(shadow.db, config);
  if (!stubs.ok) {
    await shadow.dispose();
    return stubs;
  }
  for (const file of files) {
    const text = upSection(readFileSync(file, 'utf8'));
    if (text.startsWith('PGDMP')) {
      await shadow.dispose();
      return err({ code: 'target', message: `${file} is a pg_dump archive (custom format), not SQL`, hint: `turn it into SQL with pg_restore --schema-only -f schema.sql ${file}, or dump with pg_dump --schema-only (plain format)` });
    }
    const compiled = sqlFormat.compile([{ path: path.relative(process.cwd(), file) || file, text }]);
    if (!compiled.ok) {
      await shadow.dispose();
      return err({ ...compiled.error[0]!, code: 'target' });
    }
    // Migrations ran one after another in history: no reordering, the first error is the answer.
    const run = await executeStatements(shadow.db, compiled.value, () => true, false);
    if (!run.ok) {
      await shadow.dispose();
      return err({ ...run.error, code: 'target' });
    }
  }
  return ok({ db: shadow.db, description: `${describeTarget(spec)} loaded into ${shadow.description}`, writable: false, dispose: () => shadow.dispose() });
}

/**
 * A migrations folder's files in the order they ran: every `.sql` file under it, by its path within the folder
 * (Prisma keeps a `migration.sql` in one `<timestamp>_<name>/` folder per migration), except golang-migrate's
 * `*.down.sql`, which undo them.
 */
function migrationFiles(dir: string): string[] {
  return filesBelow(dir, (name) => name.endsWith('.sql') && !name.endsWith('.down.sql'));
}

/** dbmate keeps both directions in one file: only what follows `-- migrate:up` (up to `-- migrate:down`) ran. */
function upSection(text: string): string {
  if (!/^--\s*migrate:up\b/m.test(text)) return text;
  const down = text.search(/^--\s*migrate:down\b/m);
  return down < 0 ? text : text.slice(0, down);
}

/** A target opened on first use: its catalog came from a cache, but apply may still need the database. */
export function lazyTarget(spec: TargetSpec, config: Config, provider: ShadowProvider): OpenTarget {
  let opening: Promise<OpenTarget> | null = null;
  const open = () =>
    (opening ??= openTarget(spec, config, provider).then((r) => {
      if (!r.ok) throw new Error(`cannot reopen ${describeTarget(spec)}: ${r.error.message}`);
      return r.value;
    }));
  const db: Queryable = {
    label: describeTarget(spec),
    query: async (sql, params) => (await open()).db.query(sql, params),
    exec: async (sql) => (await open()).db.exec(sql),
    close: async () => {
      if (opening) await (await opening).dispose();
    },
  };
  return { db, description: describeTarget(spec), writable: spec.kind === 'url' || spec.kind === 'embedded', dispose: () => db.close() };
}
