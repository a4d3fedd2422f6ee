import { asDbError, type DbError, type Queryable } from '../db/queryable.ts';
import { err, locate, ok, type Result, type SourceLocation, type UserError } from '../errors.ts';
import type { SourceStatement } from './sources.ts';
import { didYouMean } from './yaml/did-you-mean.ts';
import { loadParser, parseSync } from '../sql/parser.ts';
import { regexpText } from '../sql/quote.ts';

/** SQLSTATEs meaning "something this statement needs is not there yet": retried after the others. */
const MISSING = new Set(['42P01', '42883', '42704', '3F000', '42703']);

/**
 * Statements per implicit transaction on the fast path: one transaction for a 10,000-table schema would need
 * more locks than a default server has (max_locks_per_transaction × connections), and a shadow needs no
 * atomicity — it is thrown away on any error.
 */
const CHUNK = 400;

type Failure = { s: SourceStatement; e: DbError };

/**
 * Runs statements on a throwaway database. Fast path: chunks of statements, each in one round trip. A chunk
 * that fails is rolled back by Postgres and its statements run one at a time: with `reorder`, statements that
 * fail because something they need does not exist yet are retried after the rest (so files may reference each
 * other in any order) until a pass makes no progress; without it (migrations, which ran in order in history),
 * the first error is the answer.
 * `mapsPositions`: the statement text is the file's own text, so an error position maps to file:line:column.
 */
export async function executeStatements(
  db: Queryable,
  statements: readonly SourceStatement[],
  mapsPositions: (s: SourceStatement) => boolean = () => true,
  reorder = true,
  /** Statements still failing when no progress is made: return true to leave them out instead of failing. */
  leaveOut: (stuck: readonly Failure[]) => boolean = () => false,
): Promise<Result<{ passes: number }, UserError>> {
  await loadParser(); // an error's position is found in the statement's parse tree
  const deferred: SourceStatement[] = [];
  for (let i = 0; i < statements.length; i += CHUNK) {
    const chunk = statements.slice(i, i + CHUNK);
    try {
      await db.exec(chunk.map((x) => x.sql).join(';\n') + ';');
      continue;
    } catch {
      // rolled back as a whole; find the culprit statement by statement
    }
    if (reorder) {
      deferred.push(...chunk);
      continue;
    }
    for (const x of chunk) {
      const e = await runOne(db, x);
      if (e) return err(statementError(x, e, mapsPositions(x)));
    }
  }
  let pending = deferred;
  let passes = 1;
  while (pending.length) {
    passes++;
    const failed: Failure[] = [];
    for (const x of pending) {
      const e = await runOne(db, x);
      if (!e) continue;
      if (!MISSING.has(e.code ?? '')) return err(statementError(x, e, mapsPositions(x)));
      failed.push({ s: x, e });
    }
    if (failed.length === pending.length) {
      if (leaveOut(failed)) break;
      const cause = rootCause(failed);
      return err(statementError(cause.s, cause.e, mapsPositions(cause.s)));
    }
    pending = failed.map((f) => f.s);
  }
  return ok({ passes });
}

/**
 * Of the statements stuck on something missing, the one to report: a view over a table whose own statement fails
 * (a misspelt type) is stuck only because of it. So a failure whose missing name another stuck statement mentions
 * (probably creates) is a consequence; the first failure that is no one's consequence is the cause.
 */
function rootCause(stuck: readonly Failure[]): Failure {
  return (
    stuck.find((f) => {
      const name = quotedName(f.e);
      return !name || !stuck.some((o) => o !== f && o.s.sql.includes(name));
    }) ?? stuck[0]!
  );
}

async function runOne(db: Queryable, s: SourceStatement): Promise<DbError | null> {
  try {
    await db.exec(s.sql);
    return null;
  } catch (e) {
    return asDbError(e);
  }
}

export function statementError(s: SourceStatement, e: DbError, mapPosition: boolean): UserError {
  let location: SourceLocation = s.location;
  let object = s.sql;
  const position = e.position ?? (mapPosition ? positionOfMissingName(s.sql, e) : undefined);
  if (mapPosition && position) {
    const within = locate(s.sql, position - 1);
    location =
      within.line === 1
        ? { ...s.location, column: s.location.column + within.column - 1 }
        : { file: s.location.file, line: s.location.line + within.line - 1, column: within.column };
  } else if (position && s.spans) {
    const span = s.spans.find((x) => x.start <= position - 1 && position - 1 < x.end);
    if (span) {
      location = span.location;
      object = s.sql.slice(span.start, span.end);
    }
  }
  const hint = misspeltType(e) ?? e.hint ?? e.detail;
  return {
    code: 'desired-sql',
    message: e.message,
    location,
    object: firstLine(object),
    ...(hint ? { hint } : {}),
  };
}

/** Type names as a schema usually writes them (Postgres's own names and the aliases it accepts). */
const COMMON_TYPES = [
  'text', 'varchar', 'char', 'character varying', 'citext', 'smallint', 'integer', 'int', 'bigint', 'serial', 'bigserial',
  'numeric', 'decimal', 'real', 'double precision', 'float', 'money', 'boolean', 'bool', 'uuid', 'date', 'timetz', 'time',
  'timestamptz', 'timestamp', 'interval', 'json', 'jsonb', 'bytea', 'inet', 'cidr', 'macaddr', 'tsvector', 'xml', 'int4range',
  'tstzrange', 'daterange',
];

/** "did you mean" for a type Postgres does not know that is a typo of a common one (txt, integr, timestampz). */
function misspeltType(e: DbError): string | undefined {
  const name = /^type "([^"]+)" does not exist$/.exec(e.message)?.[1];
  return name === undefined ? undefined : didYouMean(name, COMMON_TYPES);
}

function firstLine(sql: string): string {
  const line = sql.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

/** The name a node carries, recognized by shape (libpg-query inlines typed fields without a wrapper). */
function nameOf(n: any): string | undefined {
  if (typeof n.relname === 'string') return n.relname;
  const parts = Array.isArray(n.funcname) ? n.funcname : Array.isArray(n.names) ? n.names : null;
  return parts?.at(-1)?.String?.sval;
}

/**
 * Postgres gives no position for some errors (`relation "x" does not exist` in CREATE POLICY, for one); find
 * the name the message quotes in the statement's parse tree and point at it. 1-based, like Postgres.
 */
/** The first name an error message quotes (`relation "posts" does not exist` → posts). */
const quotedName = (e: DbError): string | undefined => /"([^"]+)"/.exec(e.message)?.[1];

function positionOfMissingName(sql: string, e: DbError): number | undefined {
  const quoted = quotedName(e);
  if (!quoted || !MISSING.has(e.code ?? '')) return undefined;
  const wanted = quoted.replace(/\(.*$/, '').split('.').at(-1);
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, any>;
    if (nameOf(n) === wanted && typeof n['location'] === 'number' && n['location'] >= 0) {
      found = Buffer.from(sql, 'utf8').subarray(0, n['location']).toString('utf8').length + 1;
      return;
    }
    for (const value of Object.values(n)) visit(value);
  };
  try {
    visit(parseSync(sql));
  } catch {
    return undefined;
  }
  return found ?? textPosition(sql, wanted!);
}

/**
 * Some parse nodes keep a name but not where it was (an index's column, COMMENT ON COLUMN's target): the name's
 * first occurrence as a word (or quoted, for a name that needs quotes) is the best place left to point at.
 */
function textPosition(sql: string, name: string): number | undefined {
  const plain = /^[a-z_][a-z0-9_$]*$/.test(name);
  const escaped = regexpText(name);
  const m = new RegExp(plain ? `(?<![\\w$"])${escaped}(?![\\w$"])` : `"${escaped.replaceAll('"', '""')}"`, plain ? 'i' : '').exec(sql);
  return m ? m.index + 1 : undefined;
}
