import type { Catalog } from '../model/catalog.ts';
import { fingerprintCatalog } from '../model/fingerprint.ts';
import { diffCatalogs } from '../diff/diff.ts';
import { scopeGrants, type ManagedRoles } from '../diff/grant-scope.ts';
import { orderChanges } from './build.ts';
import type { Plan, PlanStep } from './plan.ts';

const ADD_VALUE = /^ALTER TYPE (.+) ADD VALUE ('(?:[^']|'')*')/;

/**
 * Postgres refuses to use an enum value added in the same transaction. When a later statement of the plan uses
 * the new value (`'v'::type`), its ADD VALUE runs on its own, committed before the main transaction; otherwise
 * it stays inside, so a failed apply leaves nothing behind.
 */
function commitEnumValuesBeforeUse(steps: PlanStep[]): PlanStep[] {
  const all = steps.flatMap((s) => s.statements.map((x) => x.sql));
  return steps.map((step) => ({
    ...step,
    statements: step.statements.map((s) => {
      const m = ADD_VALUE.exec(s.sql);
      if (!m) return s;
      const use = `${m[2]}::${m[1]}`;
      return all.some((sql) => sql !== s.sql && sql.includes(use)) ? { ...s, transactional: false } : s;
    }),
  }));
}

export interface PlanOptions {
  /** Roles whose privileges are managed besides those the desired state grants to (config `roles.manage`). */
  readonly manageRoles?: ManagedRoles;
}

/** Pure: the current and desired catalogs → the ordered plan with its fingerprints. */
export function makePlan(current: Catalog, desired: Catalog, schemas: readonly string[], notes: readonly string[] = [], options: PlanOptions = {}): Plan {
  const scoped = scopeGrants(current, desired, options.manageRoles);
  const changes = diffCatalogs(scoped.current, scoped.desired);
  const ordered = orderChanges(changes, scoped.current, scoped.desired);
  return {
    formatVersion: 1,
    steps: commitEnumValuesBeforeUse(ordered.steps.filter((s) => s.statements.length > 0)),
    sourceFingerprint: fingerprintCatalog(current),
    targetFingerprint: fingerprintCatalog(desired),
    schemas,
    notes: [...notes, ...ordered.notes],
  };
}
