import type { RenameHint } from '../desired/sources.ts';

/** What the desired state says beyond its schema: renames, and data steps for consolidations. */
export interface PlanHints {
  readonly renames: readonly RenameHint[];
  readonly transitions: readonly Transition[];
}

export interface Transition {
  /** The table that absorbs the rows. */
  readonly table: { readonly schema: string; readonly name: string };
  /** The table whose rows are copied, then dropped. */
  readonly from: { readonly schema: string; readonly name: string };
  /** INSERT … SELECT … FROM from */
  readonly sql: string;
}
