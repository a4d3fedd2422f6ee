/**
 * Errors users can cause (bad YAML, SQL the shadow rejects, unreachable database, drift) are values, not
 * exceptions: they carry where (file:line:column), what (the object) and a hint. Exceptions are for bugs.
 */
export interface SourceLocation {
  readonly file: string;
  /** 1-based */
  readonly line: number;
  /** 1-based */
  readonly column: number;
}

export interface UserError {
  readonly code: UserErrorCode;
  readonly message: string;
  readonly location?: SourceLocation;
  readonly object?: string;
  readonly hint?: string;
}

export type UserErrorCode =
  | 'config'
  | 'desired-empty'
  | 'desired-sql'
  | 'desired-yaml'
  | 'connection'
  | 'target'
  | 'shadow'
  | 'drift'
  | 'destructive'
  | 'apply'
  | 'converge'
  | 'plan-file'
  | 'output'
  | 'unsupported'
  | 'docker';

export type Result<T, E = UserError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = UserError>(error: E): Result<never, E> => ({ ok: false, error });

export function formatUserError(e: UserError): string {
  const where = e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '';
  const what = e.object ? ` (${e.object})` : '';
  const hint = e.hint ? `\n  hint: ${e.hint}` : '';
  return `${where}${e.message}${what}${hint}`;
}

/** String index → 1-based line and column in `text`. For many look-ups in one text, use `lineLocator`. */
export function locate(text: string, index: number): { line: number; column: number } {
  return lineLocator(text)(index);
}

/** Precomputes line starts once; each look-up is then a binary search. */
export function lineLocator(text: string): (index: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - starts[lo]! + 1 };
  };
}
