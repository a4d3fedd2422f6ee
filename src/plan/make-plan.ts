import { getObject, type Catalog } from '../model/catalog.ts';
import type { Change } from '../model/change.ts';
import { encodeId } from '../model/identity.ts';
import { applyRenames } from '../diff/renames.ts';
import { ok, type Result, type UserError } from '../errors.ts';
import type { PlanHints } from './hints.ts';
import { fingerprintCatalog } from '../model/fingerprint.ts';
import { diffCatalogs } from '../diff/diff.ts';
import { scopeGrants, type ManagedRoles } from '../diff/grant-scope.ts';
import { orderChanges } from './build.ts';
import type { Plan, PlanStep } from './plan.ts';
import { regexpText } from '../sql/quote.ts';

/** Dropping a table whose rows a data step copied first loses nothing: say so instead of data-loss. */
function markAbsorbedDrops(steps: PlanStep[], absorbed: ReadonlySet<string>): PlanStep[] {
  if (!absorbed.size) return steps;
  return steps.map((step) =>
    step.change.op === 'drop' && absorbed.has(encodeId(step.change.from.id))
      ? {
          ...step,
          statements: step.statements.map((s) => ({
            ...s,
            hazards: s.hazards.map((h) => (h.code === 'data-loss' ? { code: 'data-step' as const, detail: 'its rows were copied by the data step above' } : h)),
          })),
        }
      : step,
  );
}

const ADD_VALUE = /^ALTER TYPE (.+) ADD VALUE ('(?:[^']|'')*')/;

/** Array literals in SQL text (`'{z,x}'`, `'{"a b",c}'`): their elements, unquoted. */
function arrayLiteralElements(sql: string): string[] {
  const out: string[] = [];
  for (const m of sql.matchAll(/'\{((?:[^']|'')*)\}'/g)) {
    for (const e of m[1]!.replaceAll("''", "'").split(',')) out.push(e.trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1'));
  }
  return out;
}

/**
 * Postgres refuses to use an enum value added in the same transaction. When a later statement of the plan may use
 * the new value, its ADD VALUE runs on its own, committed before the main transaction; otherwise it stays inside,
 * so a failed apply leaves nothing behind. "May use" is read from the text, generously: the value as a string
 * literal anywhere (`'v'::type`, or uncast in a CHECK as the desired state wrote it), as an element of an array
 * literal, or in the rows of a column converted to the type. A false alarm only commits a harmless new value
 * early; a miss fails the apply.
 */
function commitEnumValuesBeforeUse(steps: PlanStep[]): PlanStep[] {
  const all = steps.flatMap((s) => s.statements.map((x) => x.sql));
  return steps.map((step) => ({
    ...step,
    statements: step.statements.map((s) => {
      const m = ADD_VALUE.exec(s.sql);
      if (!m) return s;
      const literal = m[2]!;
      const value = literal.slice(1, -1).replaceAll("''", "'");
      // A column converted to the type may hold the value in its rows.
      const converts = new RegExp(`ALTER COLUMN .+ TYPE ${regexpText(m[1]!)}(?:\\[\\])? USING `);
      const uses = (sql: string) => sql.includes(literal) || arrayLiteralElements(sql).includes(value) || converts.test(sql);
      return all.some((sql) => sql !== s.sql && uses(sql)) ? { ...s, transactional: false } : s;
    }),
  }));
}

export interface PlanOptions {
  /** Roles whose privileges are managed besides those the desired state grants to (config `roles.manage`). */
  readonly manageRoles?: ManagedRoles;
}

/** Pure: the current and desired catalogs → the ordered plan with its fingerprints. */
export function makePlan(current: Catalog, desired: Catalog, schemas: readonly string[], notes: readonly string[] = [], options: PlanOptions = {}): Plan {
  return planChanges(current, current, desired, [], schemas, notes, options);
}

/**
 * With the desired state's hints: declared renames become ALTER … RENAME (the diff then runs on the renamed
 * catalog), and data steps copy rows of absorbed tables before they are dropped.
 */
export function makePlanWithHints(current: Catalog, desired: Catalog, schemas: readonly string[], hints: PlanHints, notes: readonly string[] = [], options: PlanOptions = {}): Result<Plan, UserError> {
  const renamed = applyRenames(current, desired, hints.renames);
  if (!renamed.ok) return renamed;
  const data: Change[] = [];
  for (const t of hints.transitions) {
    const from = getObject(renamed.value.current, { kind: 'table', ...t.from });
    const to = getObject(desired, { kind: 'table', ...t.table });
    // Skipped once the old table is gone: the consolidation already happened.
    if (from && to && !getObject(desired, { kind: 'table', ...t.from })) data.push({ op: 'data', to, from, sql: t.sql });
  }
  return ok(planChanges(current, renamed.value.current, desired, [...renamed.value.changes, ...data], schemas, notes, options));
}

function planChanges(original: Catalog, current: Catalog, desired: Catalog, extra: readonly Change[], schemas: readonly string[], notes: readonly string[], options: PlanOptions): Plan {
  // Privileges of roles nobody manages are out of the comparison on both sides (diff/grant-scope.ts).
  const scoped = scopeGrants(current, desired, options.manageRoles);
  const changes = [...extra, ...diffCatalogs(scoped.current, scoped.desired)];
  const ordered = orderChanges(changes, scoped.current, scoped.desired);
  const absorbed = new Set(extra.filter((c) => c.op === 'data').map((c) => encodeId(c.from.id)));
  return {
    formatVersion: 2,
    steps: commitEnumValuesBeforeUse(markAbsorbedDrops(ordered.steps.filter((s) => s.statements.length > 0), absorbed)),
    sourceFingerprint: fingerprintCatalog(original),
    targetFingerprint: fingerprintCatalog(desired),
    schemas,
    notes: [...notes, ...ordered.notes],
  };
}
