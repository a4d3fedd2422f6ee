import path from 'node:path';
import type { Config } from '../config/config.ts';
import { buildDesiredCatalog, type DesiredCatalog, type Log } from '../desired/build.ts';
import { dockerProvider } from '../desired/shadow/docker.ts';
import { pgliteProvider } from '../desired/shadow/pglite.ts';
import type { ShadowProvider } from '../desired/shadow/provider.ts';
import { serverProvider } from '../desired/shadow/server.ts';
import { ok, type Result, type UserError } from '../errors.ts';
import { introspect, QUERIES_VERSION, type CatalogCache } from '../introspect/introspect.ts';
import { resolveSchemas } from '../introspect/schemas.ts';
import type { Catalog } from '../model/catalog.ts';
import { makePlanWithHints } from '../plan/make-plan.ts';
import type { Plan } from '../plan/plan.ts';
import { readCachedCatalog, writeCachedCatalog } from '../target/embedded-cache.ts';
import { serverCatalogCache } from '../target/server-cache.ts';
import { lazyTarget, openTarget, type OpenTarget, type TargetSpec } from '../target/target.ts';

export interface PlanRequest {
  readonly config: Config;
  readonly desiredPath: string;
  readonly target: TargetSpec;
  /** --dev-url: a server (postgres://), docker://image, or `embedded` (PGlite) for shadows. */
  readonly devUrl?: string | undefined;
  readonly log?: Log;
  /** Disable the desired-catalog and target-catalog caches (tests, benchmarks of the cold path). */
  readonly noCache?: boolean;
  /**
   * Read the target in full even when its cached catalog is current, and store what was read: apply acts on what
   * it read itself, and a cache file that ever went wrong is replaced by the next apply.
   */
  readonly refreshTargetCache?: boolean;
  /** Called when the desired state has no cached catalog and is normalized in a shadow. */
  readonly onCold?: () => void;
}

export interface Prepared {
  readonly plan: Plan;
  readonly current: Catalog;
  readonly desired: DesiredCatalog;
  readonly target: OpenTarget;
  readonly schemas: readonly string[];
}

export function cacheDir(config: Config): string {
  return path.join(config.root, '.schemaplan');
}

/**
 * A database target's catalog cache (target/server-cache.ts); null for targets loaded into a shadow (a new
 * database each run) and for the embedded dev database, whose catalog is cached by its files instead.
 */
export function targetCatalogCache(
  config: Config,
  target: TargetSpec,
  schemas: readonly string[],
  use: { noCache?: boolean | undefined; refresh?: boolean | undefined },
): CatalogCache | undefined {
  if (use.noCache || target.kind !== 'url') return undefined;
  const cache = serverCatalogCache(cacheDir(config), target.url, schemas, QUERIES_VERSION);
  return use.refresh ? { lookup: () => null, store: (version, catalog) => cache.store(version, catalog) } : cache;
}

/**
 * The shadow for normalizing the desired state: the configured dev database; else, for a server target, a
 * temporary database on that same server (same major version, same normalization); else embedded PGlite.
 */
export function chooseProvider(config: Config, target: TargetSpec, devUrl: string | undefined): { provider: ShadowProvider; fallback: ShadowProvider | null } {
  const dev = devUrl ?? config.devUrl;
  const pglite = pgliteProvider();
  if (dev === 'embedded') return { provider: pglite, fallback: null };
  if (dev?.startsWith('docker://')) return { provider: dockerProvider(dev), fallback: null };
  if (dev) return { provider: serverProvider(dev), fallback: null };
  if (target.kind === 'url') return { provider: serverProvider(target.url), fallback: pglite };
  return { provider: pglite, fallback: null };
}

/** Desired state → catalog, target → catalog, diff → plan. The caller disposes `target`. */
export async function preparePlan(req: PlanRequest): Promise<Result<Prepared, UserError>> {
  const log = req.log ?? (() => {});
  const { provider, fallback } = chooseProvider(req.config, req.target, req.devUrl);
  // The embedded dev database's catalog may be cached (see target/embedded-cache.ts): then PGlite is not
  // started at all unless something (apply) queries it.
  const embedded = req.target.kind === 'embedded' && req.config.schemas !== 'all' && !req.noCache ? req.target.dataDir : null;
  const managed = req.config.schemas === 'all' ? [] : await resolveSchemas(null, req.config);
  // apply reads the dev database itself (and stamps what it read), as it does any target.
  const cachedCurrent = embedded && !req.refreshTargetCache ? readCachedCatalog(embedded, managed, QUERIES_VERSION) : null;
  const opened = cachedCurrent ? ok(lazyTarget(req.target, req.config, provider)) : await openTarget(req.target, req.config, provider);
  if (!opened.ok) return opened;
  const target = opened.value;
  // Settles when the early read of the target has (the target is never closed under a running query).
  let earlyDone: Promise<void> | undefined;
  try {
    const targetSchemas = cachedCurrent ? managed : await resolveSchemas(target.db, req.config);
    const targetCache = (schemas: readonly string[]) => targetCatalogCache(req.config, req.target, schemas, { noCache: req.noCache, refresh: req.refreshTargetCache });
    const cache = req.noCache ? null : cacheDir(req.config);
    // The target is read while the desired state is built (or read from its cache): the server works on the
    // catalog queries meanwhile. Only `schemas: all` needs the desired schemas first. The build says when to
    // start (BuildOptions.readTarget): before it parses a cached catalog, or once the shadow runs the DDL.
    let early: Promise<Catalog> | null = cachedCurrent ? Promise.resolve(cachedCurrent) : null;
    let inFlight = Promise.resolve();
    const readTarget = (alongside: 'cached-catalog' | 'shadow-ddl'): Promise<void> => {
      if (early || req.config.schemas === 'all') return inFlight;
      let started = (): void => {};
      const queued = new Promise<void>((resolve) => (started = resolve));
      // Alongside the shadow's DDL the read has the DDL's whole run to finish in: one connection leaves the
      // server's other cores to the DDL.
      const reading = introspect(target.db, { schemas: targetSchemas, started, background: alongside === 'shadow-ddl', cache: targetCache(targetSchemas) });
      early = reading;
      earlyDone = reading.then(() => undefined, () => undefined);
      inFlight = Promise.race([queued, earlyDone]);
      return inFlight;
    };
    const buildOptions = { cacheDir: cache, log, schemasHint: targetSchemas, readTarget, ...(req.onCold ? { onCold: req.onCold } : {}) };
    let desired = await buildDesiredCatalog(req.config, req.desiredPath, provider, buildOptions);
    const notes: string[] = [];
    if (!desired.ok && desired.error.code === 'shadow' && fallback) {
      notes.push(`no temporary database could be created on the target server; normalized the desired state in embedded PGlite instead (${desired.error.message})`);
      log(notes[0]!);
      desired = await buildDesiredCatalog(req.config, req.desiredPath, fallback, buildOptions);
    }
    if (!desired.ok) {
      await earlyDone;
      await target.dispose();
      return desired;
    }
    const schemas = req.config.schemas === 'all' ? [...new Set([...targetSchemas, ...schemasOf(desired.value.catalog)])].sort() : targetSchemas;
    const current = early ? await early : await introspect(target.db, { schemas, cache: targetCache(schemas) });
    const plan = makePlanWithHints(current, desired.value.catalog, schemas, desired.value.hints, notes, { manageRoles: req.config.roles.manage });
    await desired.value.released;
    if (embedded && !cachedCurrent) {
      // Stamp the data directory once it is closed; the caller keeps using a lazily reopened target.
      await target.dispose();
      writeCachedCatalog(embedded, schemas, QUERIES_VERSION, current);
      if (!plan.ok) return plan;
      return ok({ plan: plan.value, current, desired: desired.value, target: lazyTarget(req.target, req.config, provider), schemas });
    }
    if (!plan.ok) {
      await target.dispose();
      return plan;
    }
    return ok({ plan: plan.value, current, desired: desired.value, target, schemas });
  } catch (e) {
    await earlyDone;
    await target.dispose();
    throw e;
  }
}

function schemasOf(c: Catalog): string[] {
  const out: string[] = [];
  for (const o of c.objects.values()) if (o.kind === 'schema') out.push(o.id.name);
  return out;
}
