import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

/** The one database interface the engine talks to: a `pg` client or an embedded PGlite. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Runs one or more statements with the simple protocol. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  readonly label: string;
  /** Another connection to the same database (servers only), for reading a snapshot in parallel. */
  fork?(): Promise<Queryable>;
}

/** A Postgres error's fields, from either driver. */
export interface DbError {
  readonly message: string;
  readonly code?: string;
  /** 1-based character position in the statement, when Postgres reports one */
  readonly position?: number;
  readonly detail?: string;
  readonly hint?: string;
}

export function asDbError(e: unknown): DbError {
  const x = e as { message?: string; code?: string; position?: string | number; detail?: string; hint?: string };
  const position = x.position === undefined ? undefined : Number(x.position);
  return {
    message: x.message ?? String(e),
    ...(x.code ? { code: x.code } : {}),
    ...(position && Number.isFinite(position) ? { position } : {}),
    ...(x.detail ? { detail: x.detail } : {}),
    ...(x.hint ? { hint: x.hint } : {}),
  };
}

// Catalog text (oid[], name[], …) comes back as strings; bigint as string avoids precision loss.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return format !== 'binary' && TEXT_ARRAYS.has(oid) ? parseTextArray : pg.types.getTypeParser(oid, format);
  },
};

/** text[], char[], varchar[]: the catalog queries return many (columns, roles, refs), nearly all of them plain. */
const TEXT_ARRAYS = new Set([1009, 1014, 1015]);
const parseGenericArray = pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0]) as (value: string) => (string | null)[];

/**
 * Postgres quotes an array element that is empty, is NULL in any case, or holds a brace, comma, quote, backslash or
 * white space: without a quote or backslash in the text, a one-dimensional array is its elements split on commas,
 * unquoted NULL being null. Anything else (quotes, nesting, explicit bounds) goes to pg's own parser.
 */
export function parseTextArray(value: string): (string | null)[] {
  if (value === '{}') return [];
  if (value.charCodeAt(0) !== 123 || value.charCodeAt(1) === 123 || value.includes('"') || value.includes('\\')) return parseGenericArray(value);
  return value.slice(1, -1).split(',').map((e) => (e === 'NULL' ? null : e));
}

export async function connectPg(url: string, label = 'postgres'): Promise<Queryable> {
  const client = new pg.Client({ connectionString: url, types });
  client.on('error', () => {
    /* surfaced on the next query */
  });
  await client.connect();
  return { ...fromPgClient(client, label), fork: () => connectPg(url, label) };
}

export function fromPgClient(client: pg.Client, label = 'postgres'): Queryable {
  return {
    label,
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await client.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as T[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}

export function fromPglite(db: PGlite, label = 'pglite', onClose?: () => Promise<void>): Queryable {
  return {
    label,
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await db.query<T>(sql, params as unknown[] | undefined);
      return { rows: r.rows };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      await db.close();
      await onClose?.();
    },
  };
}
