import { objectOf, type Change } from '../model/change.ts';
import { describeId, encodeId } from '../model/identity.ts';
import type { CatalogObject } from '../model/objects.ts';
import type { Plan, PlanStep } from '../plan/plan.ts';
import type { SectionBuilder } from './model.ts';

type Place = readonly [section: string, heading: string];

/** The plan's SQL for one object: every statement of every step about it (both halves of a replace). */
export function planSqlByObject(plan: Plan): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const step of plan.steps) {
    const key = encodeId(objectOf(step.change).id);
    out.set(key, [...(out.get(key) ?? []), ...step.statements.map((s) => `${s.sql};`)]);
  }
  return new Map([...out].map(([k, v]) => [k, v.join('\n')]));
}

/** Where a plan step goes in the report, after the seed's sections; null for the drop half of a replace. */
function placeOf(step: PlanStep): Place | null {
  const c = step.change;
  const o = objectOf(c);
  if (c.op === 'rename') return ['Inconsistent Definitions', o.kind === 'table' ? 'Table Name Conflicts' : 'Column Naming Inconsistencies'];
  if (c.op === 'data') return ['Inconsistent Definitions', 'Table Name Conflicts'];
  if (c.op === 'replace' && step.phase === 'drop') return null;
  if (step.phase === 'after') return null;
  const creating = c.op !== 'drop';
  switch (o.kind) {
    case 'table':
      if (!creating) return ['Obsolete in Target', 'Tables'];
      if (c.op === 'create') return ['Missing in Target', 'Tables'];
      return c.fields.includes('rls') ? ['RLS Policy Gaps', 'Row Level Security'] : ['Other Differences', 'Tables'];
    case 'column':
      if (!creating) return ['Obsolete in Target', 'Columns'];
      return c.op === 'create' ? ['Missing in Target', 'Columns'] : ['Inconsistent Definitions', 'Column Definitions'];
    case 'type':
      return creating ? ['Missing in Target', 'Types'] : ['Obsolete in Target', 'Other Objects'];
    case 'constraint': {
      if (!creating) return ['Other Differences', 'Constraints to Drop'];
      const heading = { foreignKey: 'Foreign Keys', unique: 'Unique Constraints', primaryKey: 'Unique Constraints', check: 'Check Constraints', exclusion: 'Other Constraints' }[o.type];
      return ['Missing Constraints', heading];
    }
    case 'index':
      if (!creating) return ['Other Differences', 'Indexes to Drop'];
      return o.unique ? ['Missing Constraints', 'Unique Constraints'] : ['Missing Indexes', 'Critical Missing Indexes'];
    case 'policy':
      return creating ? ['RLS Policy Gaps', 'Policies to Create'] : ['RLS Policy Gaps', 'Policies to Drop'];
    case 'trigger':
      return creating ? ['Trigger Issues', 'Missing Triggers'] : ['Trigger Issues', 'Obsolete Triggers'];
    case 'function':
      if (!creating) return ['Obsolete in Target', 'Functions'];
      return c.op !== 'create' && (c.fields.includes('securityDefiner') || c.fields.includes('config')) ? ['Function Dependencies', 'Function Permissions'] : ['Function Dependencies', 'Function Changes'];
    case 'grant':
      return o.id.on.kind === 'function' ? ['Function Dependencies', 'Function Permissions'] : ['RLS Policy Gaps', 'Grants'];
    default:
      return creating ? ['Missing in Target', 'Other Objects'] : ['Obsolete in Target', 'Other Objects'];
  }
}

const nameOf = (o: CatalogObject) => ('name' in o.id ? o.id.name : describeId(o.id));

function messageOf(c: Change, absorbedBy: ReadonlyMap<string, string>, origins: ReadonlyMap<string, string>): string {
  switch (c.op) {
    case 'create':
      return 'in the desired state, missing in the target';
    case 'drop': {
      const into = absorbedBy.get(encodeId(c.from.id));
      const origin = origins.get(encodeId(c.from.id));
      return `${origin ? `created in ${origin}; ` : ''}present in the target, not in the desired state${into ? `; its rows move into ${into} first` : ''}`;
    }
    case 'alter':
    case 'replace':
      return `differs from the desired state (${c.fields.join(', ')})${c.op === 'replace' ? '; recreated' : ''}`;
    case 'rename':
      return `renamed to "${nameOf(c.to)}" as the desired state declares (renamed-from)`;
    case 'data':
      return `absorbs the rows of ${describeId(c.from.id)} (declared in the desired state), which is then dropped`;
  }
}

/**
 * Every plan step as a report item whose fix is the plan's SQL for that object. `origins` (encodeId → `file:line`)
 * names where a migration created an object the plan drops.
 */
export function addPlanItems(plan: Plan, into: SectionBuilder, origins: ReadonlyMap<string, string> = new Map()): void {
  const sql = planSqlByObject(plan);
  const absorbedBy = new Map<string, string>();
  for (const s of plan.steps) if (s.change.op === 'data') absorbedBy.set(encodeId(s.change.from.id), describeId(s.change.to.id));
  for (const step of plan.steps) {
    const place = placeOf(step);
    if (!place) continue;
    const c = step.change;
    const object = describeId(c.op === 'rename' ? c.from.id : objectOf(c).id);
    // A rename or data step's own statements are the fix; otherwise every statement about the object.
    const fix = c.op === 'rename' || c.op === 'data' ? step.statements.map((s) => `${s.sql};`).join('\n') : sql.get(encodeId(objectOf(c).id));
    into.add(place[0], place[1], { object, message: messageOf(c, absorbedBy, origins), ...(fix ? { fix } : {}), source: 'plan' });
  }
}
