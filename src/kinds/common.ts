import { stmt, type Statement } from '../model/change.ts';
import type { ColumnComments } from '../model/objects.ts';
import { ident, literal } from '../sql/quote.ts';

/** `COMMENT ON <what> IS …` — the same for every kind. */
export function commentOn(what: string, comment: string | null): Statement {
  return stmt(`COMMENT ON ${what} IS ${comment === null ? 'NULL' : literal(comment)}`, 'shareUpdateExclusive');
}

/**
 * COMMENT ON COLUMN for each column of a view or composite type whose comment differs between `from` and `to`
 * (NULL for one no longer commented). Those columns are not catalog objects of their own: their comments travel
 * with the relation. A column `to` does not have (an attribute dropped) takes its comment with it.
 */
export function columnComments(relation: string, from: ColumnComments, to: ColumnComments, has: (column: string) => boolean = () => true): Statement[] {
  const out: Statement[] = [];
  for (const column of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const comment = to[column] ?? null;
    if (comment !== (from[column] ?? null) && has(column)) out.push(commentOn(`COLUMN ${relation}.${ident(column)}`, comment));
  }
  return out;
}

export function commentIfAny(what: string, comment: string | null): Statement[] {
  return comment === null ? [] : [commentOn(what, comment)];
}

/** Field names whose values differ (structural equality on plain data). */
export function changedFields<T extends object>(a: T, b: T, ignore: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(b) as (keyof T & string)[]) {
    if (ignore.has(k) || k === 'id' || k === 'kind') continue;
    if (!sameValue(a[k], b[k])) out.push(k);
  }
  return out;
}

/** Equality of JSON-like data; most fields are strings, booleans or null, compared without serializing. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
