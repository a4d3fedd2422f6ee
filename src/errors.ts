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
  | 'unsupported'
  | 'docker';

export type Result<T, E = UserError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = UserError>(error: E): Result<never, E> => ({ ok: false, error });

/** Thrown only to unwind to the CLI edge with a UserError; never caught elsewhere. */
export class UserFacingError extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
  }
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new UserFacingError(r.error);
  return r.value;
}

export function formatUserError(e: UserError): string {
  const where = e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '';
  const what = e.object ? ` (${e.object})` : '';
  const hint = e.hint ? `\n  hint: ${e.hint}` : '';
  return `${where}${e.message}${what}${hint}`;
}

/** Byte offset or string index → 1-based line and column in `text`. */
export function locate(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
