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
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push(k);
  }
  return out;
}
