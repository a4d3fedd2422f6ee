import { readAsset } from '../assets.ts';
import { catalogOf, type Catalog, type Edge } from '../model/catalog.ts';
import { sha256 } from '../model/fingerprint.ts';
import { encodeId } from '../model/identity.ts';
import { internRow } from '../model/intern.ts';
import { loadParser } from '../sql/parser.ts';
import { literal } from '../sql/quote.ts';
import type { CatalogObject } from '../model/objects.ts';
import type { Queryable } from '../db/queryable.ts';
import { catalogVersionSql, readCatalogVersion } from './catalog-version.ts';
import * as read from './read-rows.ts';
import { readDefaultPrivilege, readGrant } from './read-privileges.ts';

const query = (name: string) => readAsset('introspect', 'queries', `${name}.sql`);

/** One bulk query per kind; each row carries `ref` (classid:objid:subid) so pg_depend edges can be mapped. */
const KIND_QUERIES: readonly { file: string; read: (row: Record<string, any>) => CatalogObject; parses?: true }[] = [
  { file: 'schema', read: read.readSchema },
  { file: 'extension', read: read.readExtension },
  { file: 'type', read: read.readType },
  { file: 'table', read: read.readTable },
  { file: 'column', read: read.readColumn },
  { file: 'constraint', read: read.readConstraint },
  { file: 'index', read: read.readIndex },
  { file: 'policy', read: read.readPolicy },
  { file: 'function', read: read.readFunction },
  { file: 'trigger', read: read.readTrigger },
  { file: 'view', read: read.readView, parses: true },
  { file: 'sequence', read: read.readSequence },
  { file: 'grant', read: readGrant },
  { file: 'default_privilege', read: readDefaultPrivilege },
];
const SQL = new Map(KIND_QUERIES.map((k) => [k.file, query(k.file)]));

/**
 * The queries that keep a server longest (measured at 10,000 tables), sent first: every connection starts on a
 * long one, so the server stays busy while the client is held up (parsing a cached desired catalog, reading
 * another kind's rows), and no connection is left with a long query at the end.
 */
const HEAVIEST_FIRST = ['column', 'depend', 'index', 'constraint', 'policy', 'grant', 'trigger', 'table', 'type'];
const rank = (name: string): number => {
  const i = HEAVIEST_FIRST.indexOf(name);
  return i < 0 ? HEAVIEST_FIRST.length : i;
};
const DEPEND_SQL = query('depend');

/** Cached catalogs are only valid for the catalog queries that produced them (every file in queries/). */
export const QUERIES_VERSION = sha256(
  [...SQL.entries(), ['depend', DEPEND_SQL] as const, ['catalog_version', catalogVersionSql(150000)] as const]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, text]) => text)
    .join('\n'),
);


export interface IntrospectOptions {
  readonly schemas: readonly string[];
  /**
   * Called once the server is busy: every connection has its first query in flight, or with a cache, once the
   * catalogs' version query is (the other connections are then still opening).
   */
  readonly started?: () => void;
  /** A catalog kept from an earlier read, valid while the database's catalogs are unchanged. */
  readonly cache?: CatalogCache;
  /**
   * One connection instead of PARALLEL: for a read nobody waits on, alongside a shadow's DDL on the same server,
   * where more connections would take CPU from the DDL rather than time from the user.
   */
  readonly background?: boolean;
  /** How long to wait for a lock another session holds (default READ_LOCK_TIMEOUT). */
  readonly lockTimeout?: string;
}

/**
 * Catalogs kept by the version of the catalogs they were read at (catalog-version.ts): a version the
 * cache knows is answered from it and no kind is read; a catalog read in full is stored under its version.
 */
export interface CatalogCache {
  lookup(version: string): Catalog | null;
  store(version: string, catalog: Catalog): void;
}

/** How long reading the catalogs waits for a lock another session holds (SESSION). */
export const READ_LOCK_TIMEOUT = '30s';

/** Extra connections reading the same snapshot on a server: catalog queries are CPU-bound there. */
const PARALLEL = 3;

// With an empty search_path, format_type/pg_get_expr/pg_get_*def qualify every name: the text is the same
// whatever the session's search_path, and the DDL rendered from it runs anywhere. The catalogs' row estimates
// put pg_depend's query above jit_above_cost, and compiling it costs more than running it (70 of 200 ms at
// 1,000 tables).
// A catalog read waits for a lock as long as a person would wait for a plan, not forever: pg_get_indexdef and
// friends open relations, and a migration holding ACCESS EXCLUSIVE on one would hold the plan up until it ends.
const session = (lockTimeout: string) => `SET LOCAL search_path = ''; SET LOCAL jit = off; SET LOCAL lock_timeout = ${literal(lockTimeout)}`;

/**
 * Reads the managed schemas of a database into a Catalog, in one READ ONLY REPEATABLE READ snapshot: one
 * transaction, or on a server several connections sharing an exported snapshot.
 */
export async function introspect(db: Queryable, opts: IntrospectOptions): Promise<Catalog> {
  try {
    return await readCatalog(db, opts);
  } catch (e) {
    // A server where the version query cannot run (a catalog or function revoked from the role) is read
    // without the cache; its error ended that transaction, so the read starts over.
    if (opts.cache && e instanceof CatalogVersionUnavailable) return readCatalog(db, { ...opts, cache: undefined }).catch((e2: unknown) => lockTimedOut(e2, opts));
    return lockTimedOut(e, opts);
  }
}

/** A catalog read that waited READ_LOCK_TIMEOUT for a lock fails saying so; any other error as it is. */
function lockTimedOut(e: unknown, opts: IntrospectOptions): never {
  if ((e as { code?: string }).code !== '55P03') throw e;
  throw new Error(`reading the catalogs waited ${opts.lockTimeout ?? READ_LOCK_TIMEOUT} for a lock another session holds (a migration or a long transaction?): try again once it is done`);
}

class CatalogVersionUnavailable extends Error {}

async function readCatalog(db: Queryable, opts: IntrospectOptions): Promise<Catalog> {
  const settings = session(opts.lockTimeout ?? READ_LOCK_TIMEOUT);
  await db.exec(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${settings}`);
  const helpers: Queryable[] = [];
  let read: { version: string; catalog: Catalog } | null = null;
  try {
    const head = await db.query<{ v: string; snapshot: string | null }>(
      `select current_setting('server_version_num') as v, ${db.fork ? 'pg_export_snapshot()' : 'null'} as snapshot`,
    );
    const { v: version, snapshot } = head.rows[0]!;
    // The catalogs' version is computed in the snapshot the kinds would be read in, while the other
    // connections open: a cached catalog then costs one query, and a miss reads on as if there were no cache.
    const catalogVersion = opts.cache
      ? readCatalogVersion(db, Number(version)).catch((e: unknown) => Promise.reject(new CatalogVersionUnavailable(String(e))))
      : null;
    catalogVersion?.catch(() => {});
    // The server is busy from here on: the caller may hold the event loop (parse the desired catalog) meanwhile.
    if (catalogVersion) opts.started?.();
    if (db.fork && snapshot && !opts.background) {
      const opened = await Promise.allSettled(
        Array.from({ length: PARALLEL - 1 }, async () => {
          const h = await db.fork!();
          helpers.push(h);
          await h.exec(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '${snapshot}'; ${settings}`);
        }),
      );
      // A failed version query aborts the snapshot's transaction, and the other connections then fail to
      // import it: that failure is the version query's, reported as such below.
      const failed = opened.find((o) => o.status === 'rejected');
      if (failed) {
        await catalogVersion;
        throw failed.reason;
      }
    }
    const known = catalogVersion ? opts.cache!.lookup(await catalogVersion) : null;
    if (known) return known;
    const lanes = [db, ...helpers];
    const schemas = [...opts.schemas];
    // Each kind's rows become objects as soon as its query returns, while the other queries still run: the
    // client's work overlaps the server's, and no kind's raw rows outlive their reading (pg_depend's pairs are
    // kept until every object's ref is known).
    const readKinds = new Array<ReadKind>(KIND_QUERIES.length);
    const pool = new Map<string, string>();
    let dependPairs: string[] = [];
    const jobs: { name: string; run: (lane: Queryable) => Promise<void> }[] = [
      {
        name: 'depend',
        run: async (lane) => {
          // Resolved through the aliases now, while the other queries run, not after the last one.
          dependPairs = standingPairs((await lane.query<DependRow>(DEPEND_SQL)).rows[0]!);
        },
      },
      ...KIND_QUERIES.map((k, i) => ({
        name: k.file,
        run: async (lane: Queryable) => {
          const { rows } = await lane.query<Record<string, any>>(SQL.get(k.file)!, [schemas]);
          if (k.parses && rows.length) await loadParser();
          readKinds[i] = readKind(k.read, rows, pool);
        },
      })),
    ];
    jobs.sort((a, b) => rank(a.name) - rank(b.name));
    let next = 0;
    const running = Promise.all(
      lanes.map(async (lane) => {
        for (let i = next++; i < jobs.length; i = next++) await jobs[i]!.run(lane);
      }),
    );
    if (!catalogVersion) opts.started?.();
    await running;
    const objects = new Map<string, CatalogObject>();
    const byRef = new Map<string, string>();
    // Rows may name what they depend on outside pg_depend (a grant: its object), as refs.
    const extraDeps: { from: string; to: string }[] = [];
    for (const kind of readKinds) {
      for (const { ref, key, object } of kind.objects) {
        objects.set(key, object);
        byRef.set(ref, key);
      }
      for (const d of kind.extraDeps) extraDeps.push(d);
    }
    const edges: Edge[] = [];
    const addEdge = (fromRef: string, toRef: string) => {
      const from = resolveRef(byRef, fromRef);
      const to = resolveRef(byRef, toRef);
      if (from && to && from !== to) edges.push({ from, to });
    };
    for (let i = 0; i < dependPairs.length; i += 2) addEdge(dependPairs[i]!, dependPairs[i + 1]!);
    for (const d of extraDeps) addEdge(d.from, d.to);
    const catalog = catalogOf(objects, edges, Number(version));
    if (catalogVersion) read = { version: await catalogVersion, catalog };
    return catalog;
  } finally {
    await Promise.all(helpers.map((h) => h.exec('COMMIT').catch(() => {}).finally(() => h.close().catch(() => {}))));
    // After an error the transaction is aborted and COMMIT answers ROLLBACK; either way it is over.
    await db.exec('COMMIT');
    // Written once the snapshot is released: the file is for the next run, not for this one's reader.
    if (read) opts.cache!.store(read.version, read.catalog);
  }
}

interface ReadKind {
  /** Each row's object, its encoded id, and its `classid:objid:subid`. */
  readonly objects: { ref: string; key: string; object: CatalogObject }[];
  readonly extraDeps: { from: string; to: string }[];
}

function readKind(read: (row: Record<string, any>) => CatalogObject, rows: Record<string, any>[], pool: Map<string, string>): ReadKind {
  const out: ReadKind = { objects: [], extraDeps: [] };
  for (const row of rows) {
    internRow(row, pool);
    const object = read(row);
    out.objects.push({ ref: row.ref, key: encodeId(object.id), object });
    for (const to of row.depends_on ?? []) out.extraDeps.push({ from: row.ref, to });
  }
  return out;
}

/** depend.sql's row: `from to` ref pairs, and `alias ref` pairs for ends that stand for another object. */
interface DependRow {
  readonly pairs: string;
  readonly dependent_aliases: string;
  readonly referenced_aliases: string;
  readonly provided_aliases: string;
}

const tokens = (text: string): string[] => (text ? text.split(' ') : []);

function aliasMap(text: string, into = new Map<string, string>()): Map<string, string> {
  const t = tokens(text);
  for (let i = 0; i < t.length; i += 2) into.set(t[i]!, t[i + 1]!);
  return into;
}

/** depend.sql's `from to` pairs, each end replaced by the ref it stands for. */
function standingPairs(row: DependRow): string[] {
  const pairs = tokens(row.pairs);
  const dependent = aliasMap(row.dependent_aliases);
  // what an extension provides stands for the extension, whatever else it is
  const referenced = aliasMap(row.provided_aliases, aliasMap(row.referenced_aliases));
  for (let i = 0; i < pairs.length; i += 2) {
    pairs[i] = standsFor(dependent, pairs[i]!);
    pairs[i + 1] = standsFor(referenced, pairs[i + 1]!);
  }
  return pairs;
}

/** The ref an end stands for: its alias (keyed by classid:objid, whatever the subid) or itself. */
function standsFor(aliases: ReadonlyMap<string, string>, ref: string): string {
  if (aliases.size === 0) return ref;
  return aliases.get(ref.slice(0, ref.lastIndexOf(':'))) ?? ref;
}

/** A reference to a column we do not model (e.g. of a view) falls back to its relation. */
function resolveRef(byRef: ReadonlyMap<string, string>, ref: string): string | undefined {
  const exact = byRef.get(ref);
  if (exact) return exact;
  const [cls, obj] = ref.split(':');
  return byRef.get(`${cls}:${obj}:0`);
}
