import type { Result, SourceLocation, UserError } from '../errors.ts';

/** A rename the user declared; it becomes `ALTER … RENAME` instead of drop + create. */
export type RenameHint =
  | { readonly kind: 'table'; readonly schema: string; readonly from: string; readonly to: string }
  | { readonly kind: 'column'; readonly schema: string; readonly table: string; readonly from: string; readonly to: string };

/** A lint suppression written in the source (`-- schemaplan-ignore rule: reason`, `lintIgnore:` in YAML). */
export interface Suppression {
  readonly rule: string;
  readonly reason: string;
  readonly location: SourceLocation;
}

/** One statement of desired state, with where it came from. */
export interface SourceStatement {
  readonly sql: string;
  readonly location: SourceLocation;
  readonly renames?: readonly RenameHint[];
  readonly suppressions?: readonly Suppression[];
  /** Role names the statement mentions, when its format parsed it anyway (see desired/roles.ts). */
  readonly roles?: readonly string[];
  /** What it makes that schemaplan does not manage (`CREATE RULE`, …), when its format knows (sql-format.ts). */
  readonly unmanaged?: string;
  /**
   * Where the parts of a statement generated from several source nodes came from (a YAML table's columns,
   * keys and checks in its CREATE TABLE): an error Postgres reports at a position inside one is reported there.
   */
  readonly spans?: readonly SourceSpan[];
}

/** Characters [start, end) of a statement's text, generated from the source at `location`. */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
  readonly location: SourceLocation;
}

export interface SourceFile {
  /** Path as the user would write it (relative to the working directory when possible). */
  readonly path: string;
  readonly text: string;
}

/**
 * A desired-state format (SQL, YAML, …). All files of one format are compiled together so that they may
 * reference each other; the statements come back in the order they should first be tried.
 */
export interface SourceFormat {
  readonly name: string;
  readonly extensions: readonly string[];
  compile(files: readonly SourceFile[]): Result<readonly SourceStatement[], readonly UserError[]>;
}
