import type { CatalogObject } from './objects.ts';

export type Change =
  | { readonly op: 'create'; readonly to: CatalogObject }
  | { readonly op: 'drop'; readonly from: CatalogObject }
  | { readonly op: 'alter' | 'replace'; readonly from: CatalogObject; readonly to: CatalogObject; readonly fields: readonly string[] };

export type LockLevel = 'none' | 'shareUpdateExclusive' | 'share' | 'shareRowExclusive' | 'accessExclusive';

export type HazardCode =
  | 'data-loss'
  | 'table-rewrite'
  | 'blocks-writes'
  | 'blocks-reads'
  | 'validation-scan'
  | 'authz-change'
  | 'recreates-dependents'
  | 'data-step';

export interface Hazard {
  readonly code: HazardCode;
  readonly detail: string;
}

export interface Statement {
  readonly sql: string;
  readonly lock: LockLevel;
  /** false: CONCURRENTLY and friends, run alone outside the plan's transaction. */
  readonly transactional: boolean;
  readonly hazards: readonly Hazard[];
}

export function stmt(sql: string, lock: LockLevel, hazards: readonly Hazard[] = [], transactional = true): Statement {
  return { sql, lock, transactional, hazards };
}

export function objectOf(change: Change): CatalogObject {
  return change.op === 'create' ? change.to : change.op === 'drop' ? change.from : change.to;
}
