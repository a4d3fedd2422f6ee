import { existsSync } from 'node:fs';
import path from 'node:path';
import { stubSql, type Config } from '../config/config.ts';
import type { DbError, Queryable } from '../db/queryable.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
import { introspect, QUERIES_VERSION } from '../introspect/introspect.ts';
import { resolveSchemas, unmanagedSchemasWithObjects } from '../introspect/schemas.ts';
import { ident } from '../sql/quote.ts';
import type { Catalog } from '../model/catalog.ts';
import { fromCache, toCache, type CachedCatalog } from '../model/catalog-json.ts';
import { readCatalogJsonYielding, writeCatalogJson } from '../json-file.ts';
import { FINGERPRINT_VERSION, sha256 } from '../model/fingerprint.ts';
import { discoverFiles } from './discover.ts';
import { executeStatements } from './execute.ts';
import { FORMATS } from './formats.ts';
import { createMissingRoles, referencedRoles } from './roles.ts';
import type { ShadowProvider } from './shadow/provider.ts';
import type { SourceFile, SourceStatement } from './sources.ts';
import { loadParser } from '../sql/parser.ts';
import { findWrittenSources, isWritten, withWrittenSources } from './expression-sources.ts';
import { settleExpressions } from './settle.ts';
import { refuseUnmanaged, splitSql } from './sql-format.ts';
import { collectTransitions, transitionInsertSql } from './yaml/index.ts';
import type { PlanHints } from '../plan/hints.ts';

export interface DesiredSources {
  readonly files: readonly SourceFile[];
  readonly statements: readonly SourceStatement[];
}

export type Log = (message: string) => void;

/** Finds and compiles the desired files of every format, in load order. */
export async function readDesired(desiredPath: string): Promise<Result<DesiredSources, UserError>> {
  const found = discoverDesired(desiredPath);
  return found.ok ? compileDesired(found.value) : found;
}

export function discoverDesired(desiredPath: string): Result<SourceFile[], UserError> {
  return discoverFiles(desiredPath, FORMATS.flatMap((f) => f.extensions));
}

export async function compileDesired(found: readonly SourceFile[]): Promise<Result<DesiredSources, UserError>> {
  await loadParser();
  const statements: SourceStatement[] = [];
  for (const format of FORMATS) {
    const files = found.filter((f) => format.extensions.some((e) => f.path.endsWith(e)));
    if (!files.length) continue;
    const compiled = format.compile(files);
    if (!compiled.ok) return err(compiled.error[0]!);
    statements.push(...compiled.value);
  }
  const managed = refuseUnmanaged(statements);
  if (!managed.ok) return managed;
  // Files that hold no statement are a valid (empty) desired state: everything managed is to be dropped.
  // A directory without any desired file is not: that is almost always a wrong path.
  return ok({ files: found, statements });
}

/** A statement left out because a function it calls does not exist (linted as such, never planned). */
export interface Unresolved {
  readonly statement: SourceStatement;
  readonly error: DbError;
}

/**
 * Executes external stubs then the desired statements on `db`, creating roles the statements need. With
 * `unresolved`, statements calling functions that exist nowhere are left out and collected there (for lint)
 * instead of failing the load.
 */
export async function loadDesired(
  db: Queryable,
  config: Config,
  sources: DesiredSources,
  log: Log = () => {},
  unresolved?: Unresolved[],
  ownRoles?: (names: readonly string[]) => void,
): Promise<Result<void, UserError>> {
  const stubs = await loadStubs(db, config);
  if (!stubs.ok) return stubs;
  const createdRoles = await createMissingRoles(db, referencedRoles(sources.statements));
  // Told at once: a statement that fails below must not leave them behind.
  ownRoles?.(createdRoles);
  if (createdRoles.length) log(`created role${createdRoles.length > 1 ? 's' : ''} ${createdRoles.join(', ')} in the shadow database (referenced by the desired state)`);
  const sqlFile = (s: SourceStatement) => s.location.file.endsWith('.sql');
  const leaveOut = (stuck: readonly { s: SourceStatement; e: DbError }[]) => {
    if (!unresolved || !stuck.every((x) => x.e.code === '42883')) return false;
    unresolved.push(...stuck.map((x) => ({ statement: x.s, error: x.e })));
    return true;
  };
  const run = await executeStatements(db, sources.statements, sqlFile, true, leaveOut);
  if (!run.ok) return run;
  return ok(undefined);
}

export async function loadStubs(db: Queryable, config: Config): Promise<Result<void, UserError>> {
  const stubs = stubSql(config);
  if (stubs.length) await loadParser();
  for (const stub of stubs) {
    const split = splitSql(stub.sql);
    if (!split.ok) return err({ code: 'config', message: `stub ${stub.file}: ${split.error.message}` });
    const r = await executeStatements(
      db,
      split.value.map((s) => ({ sql: s.sql, location: { file: stub.file, line: 1, column: 1 } })),
      () => false,
    );
    if (!r.ok) return r;
  }
  return ok(undefined);
}

/** Content hash of everything that decides the desired catalog: files, config, stubs, shadow, schemaplan. */
export function desiredFingerprint(config: Config, sources: Pick<DesiredSources, 'files'>, providerKey: string): string {
  const parts = [
    // v5: unstable expressions keep what the desired state's own text stores (expression-sources.ts), edges
    // as index pairs (model/catalog-json.ts); v6: ASCII files read as latin1 (json-file.ts); v7: in lines
    'desired-cache-v7',
    `fingerprint-v${FINGERPRINT_VERSION}`,
    QUERIES_VERSION,
    providerKey,
    JSON.stringify({ schemas: config.schemas, external: config.external }),
    ...stubSql(config).map((s) => s.sql),
    ...sources.files.flatMap((f) => [f.path, f.text]),
  ];
  return sha256(parts.join('\u0000')).slice(0, 32);
}

export interface DesiredCatalog {
  readonly catalog: Catalog;
  readonly hints: PlanHints;
  readonly fingerprint: string;
  /** The compiled statements (suppressions, source locations); compiled on first use when the catalog was cached. */
  readonly sources: () => Promise<Result<DesiredSources, UserError>>;
  readonly cached: boolean;
  /**
   * Settles once the shadow is gone. Dropping a server's temporary database takes the server a moment, so the
   * caller plans meanwhile and awaits this last.
   */
  readonly released: Promise<void>;
}

/**
 * desired/ → shadow → Catalog. The catalog is cached under `.schemaplan/cache/` by the content hash of
 * the inputs, so an unchanged desired state costs no shadow at all.
 */
export async function buildDesiredCatalog(
  config: Config,
  desiredPath: string,
  provider: ShadowProvider,
  opts: {
    cacheDir: string | null;
    log?: Log;
    schemasHint?: readonly string[];
    unresolved?: Unresolved[];
    /** Called when there is no cached catalog and the desired state is compiled and run in a shadow. */
    onCold?: () => void;
    /**
     * Starts reading the target (idempotent; settles once its queries are in flight, never rejects). Called before a
     * cached catalog is parsed (that parse holds the event loop), or on a miss as the shadow starts running the
     * desired DDL: the target's rows are then decoded while the server runs DDL, not while the files compile.
     */
    readTarget?: (alongside: 'cached-catalog' | 'shadow-ddl') => Promise<void>;
  },
): Promise<Result<DesiredCatalog, UserError>> {
  const log = opts.log ?? (() => {});
  const files = discoverDesired(desiredPath);
  if (!files.ok) return files;
  const fingerprint = desiredFingerprint(config, { files: files.value }, provider.key);
  const cacheFile = opts.cacheDir ? path.join(opts.cacheDir, 'cache', `desired-${fingerprint}.json`) : null;
  const hit = cacheFile !== null && config.schemas !== 'all' && existsSync(cacheFile);
  if (hit) await opts.readTarget?.('cached-catalog');
  const cached = hit ? await readCatalogJsonYielding<{ catalog: CachedCatalog; hints: PlanHints }>(cacheFile) : null;
  if (cached) {
    // Unchanged files: neither a shadow nor even compiling them is needed to plan.
    const lazy = once(() => compileDesired(files.value));
    return ok({ catalog: fromCache(cached.catalog), hints: cached.hints, fingerprint, sources: lazy, cached: true, released: Promise.resolve() });
  }
  opts.onCold?.();
  // The shadow is created while the parser loads and the files compile: CREATE DATABASE and the connection are
  // the server's work and the WebAssembly's instantiation leaves the event loop free for them (0.2–0.3 s of a
  // 1,000-table cold plan). A desired state that does not compile drops it unused.
  const opening = provider.open();
  const dropUnused = async () => {
    const unused = await opening;
    if (unused.ok) await unused.value.dispose();
  };
  const sources = await compileDesired(files.value);
  if (!sources.ok) return (await dropUnused(), sources);
  const hints = planHints(sources.value);
  if (!hints.ok) return (await dropUnused(), hints);
  const opened = await opening;
  if (!opened.ok) return opened;
  const shadow = opened.value;
  log(`normalizing desired state in ${shadow.description}`);
  let released: Promise<void> | null = null;
  try {
    void opts.readTarget?.('shadow-ddl');
    const loaded = await loadDesired(shadow.db, config, sources.value, log, opts.unresolved, shadow.ownRoles);
    if (!loaded.ok) return loaded;
    const schemas = await resolveSchemas(shadow.db, config, opts.schemasHint);
    const unmanaged = await unmanagedSchemasWithObjects(shadow.db, config, schemas);
    if (unmanaged.length) {
      const names = unmanaged.map((s) => ident(s)).join(', ');
      return err({
        code: 'config',
        message: `the desired state creates objects in schema${unmanaged.length > 1 ? 's' : ''} ${names}, which schemaplan.yaml does not manage: plans would leave ${unmanaged.length > 1 ? 'them' : 'it'} out`,
        hint: `add ${names} to schemas: in schemaplan.yaml (or schemas: all), or list ${unmanaged.length > 1 ? 'them' : 'it'} under external.schemas if managed elsewhere`,
      });
    }
    let catalog = await introspect(shadow.db, { schemas });
    const written = await findWrittenSources(shadow.db, catalog, sources.value.statements);
    if (await settleExpressions(shadow.db, catalog, isWritten(written))) catalog = await introspect(shadow.db, { schemas });
    catalog = withWrittenSources(catalog, written);
    released = shadow.dispose().catch(() => {});
    if (cacheFile && !opts.unresolved?.length) {
      try {
        writeCatalogJson(cacheFile, { hints: hints.value }, toCache(catalog));
      } catch {
        // A cache that cannot be written (a read-only checkout) only makes the next plan normalize again.
      }
    }
    const compiled = sources.value;
    return ok({ catalog, hints: hints.value, fingerprint, sources: async () => ok(compiled), cached: false, released });
  } finally {
    if (!released) await shadow.dispose();
  }
}

/** Renames declared anywhere, and the data steps YAML tables declare with `absorbs`. */
export function planHints(sources: DesiredSources): Result<PlanHints, UserError> {
  const renames = sources.statements.flatMap((s) => s.renames ?? []);
  const yamlFiles = sources.files.filter((f) => /\.ya?ml$/.test(f.path));
  const transitions = yamlFiles.length ? collectTransitions(yamlFiles) : ok([]);
  if (!transitions.ok) return err(transitions.error[0]!);
  return ok({
    renames,
    transitions: transitions.value.map((t) => ({ table: t.table, from: t.from, sql: transitionInsertSql(t) })),
  });
}

function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}
