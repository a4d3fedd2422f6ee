import { stmt, type Statement } from '../model/change.ts';
import { literal } from '../sql/quote.ts';

/** `COMMENT ON <what> IS …` — the same for every kind. */
export function commentOn(what: string, comment: string | null): Statement {
  return stmt(`COMMENT ON ${what} IS ${comment === null ? 'NULL' : literal(comment)}`, 'shareUpdateExclusive');
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
