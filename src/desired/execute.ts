import { asDbError, type DbError, type Queryable } from '../db/queryable.ts';
import { err, locate, ok, type Result, type SourceLocation, type UserError } from '../errors.ts';
import type { SourceStatement } from './sources.ts';
import { loadModule, parseSync } from 'libpg-query';

await loadModule();

/** SQLSTATEs meaning "something this statement needs is not there yet": retried after the others. */
const MISSING = new Set(['42P01', '42883', '42704', '3F000', '42703']);

/**
 * Runs statements in one transaction. Fast path: all at once. If that fails, each statement runs under its
 * own savepoint; statements that fail because something they need does not exist yet are retried after the
 * rest (so files may reference each other in any order), until a pass makes no progress.
 * `mapsPositions`: the statement text is the file's own text, so an error position maps to file:line:column.
 */
export async function executeStatements(
  db: Queryable,
  statements: readonly SourceStatement[],
  mapsPositions: (s: SourceStatement) => boolean = () => true,
  reorder = true,
  /** Statements still failing when no progress is made: return true to leave them out instead of failing. */
  leaveOut: (stuck: readonly { s: SourceStatement; e: DbError }[]) => boolean = () => false,
): Promise<Result<{ passes: number }, UserError>> {
  if (!statements.length) return ok({ passes: 0 });
  await db.exec('BEGIN');
  try {
    await db.exec('SAVEPOINT schemaplan_all');
    try {
      await db.exec(statements.map((s) => s.sql).join(';\n') + ';');
      await db.exec('COMMIT');
      return ok({ passes: 1 });
    } catch {
      await db.exec('ROLLBACK TO SAVEPOINT schemaplan_all');
    }
    let pending = [...statements];
    let passes = 1;
    for (;;) {
      passes++;
      const failed: { s: SourceStatement; e: DbError }[] = [];
      for (const s of pending) {
        await db.exec('SAVEPOINT schemaplan_one');
        try {
          await db.exec(s.sql);
          await db.exec('RELEASE SAVEPOINT schemaplan_one');
        } catch (e) {
          await db.exec('ROLLBACK TO SAVEPOINT schemaplan_one');
          const dbErr = asDbError(e);
          if (!reorder || !MISSING.has(dbErr.code ?? '')) {
            await db.exec('ROLLBACK');
            return err(statementError(s, dbErr, mapsPositions(s)));
          }
          failed.push({ s, e: dbErr });
        }
      }
      if (!failed.length) break;
      if (failed.length === pending.length) {
        if (leaveOut(failed)) break;
        await db.exec('ROLLBACK');
        const first = failed[0]!;
        return err(statementError(first.s, first.e, mapsPositions(first.s)));
      }
      pending = failed.map((f) => f.s);
    }
    await db.exec('COMMIT');
    return ok({ passes });
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => {});
    throw e;
  }
}

export function statementError(s: SourceStatement, e: DbError, mapPosition: boolean): UserError {
  let location: SourceLocation = s.location;
  const position = e.position ?? (mapPosition ? positionOfMissingName(s.sql, e) : undefined);
  if (mapPosition && position) {
    const within = locate(s.sql, position - 1);
    location =
      within.line === 1
        ? { ...s.location, column: s.location.column + within.column - 1 }
        : { file: s.location.file, line: s.location.line + within.line - 1, column: within.column };
  }
  return {
    code: 'desired-sql',
    message: e.message,
    location,
    object: firstLine(s.sql),
    ...(e.hint ? { hint: e.hint } : e.detail ? { hint: e.detail } : {}),
  };
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
function positionOfMissingName(sql: string, e: DbError): number | undefined {
  const quoted = /"([^"]+)"/.exec(e.message)?.[1];
  if (!quoted || !e.code || !['42P01', '42883', '42704', '3F000'].includes(e.code)) return undefined;
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
  return found;
}
