import type { CatalogObject } from './objects.ts';

export type Change =
  | { readonly op: 'create'; readonly to: CatalogObject }
  | { readonly op: 'drop'; readonly from: CatalogObject }
  | { readonly op: 'alter' | 'replace'; readonly from: CatalogObject; readonly to: CatalogObject; readonly fields: readonly string[] }
  /** A declared rename (renamedFrom): `from` under its old identity, `to` under the new one. */
  | { readonly op: 'rename'; readonly from: CatalogObject; readonly to: CatalogObject }
  /** A declared data step (absorbs): rows of one table copied into another before the old one is dropped. */
  | { readonly op: 'data'; readonly to: CatalogObject; readonly from: CatalogObject; readonly sql: string };

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
  return change.op === 'drop' ? change.from : change.to;
}
