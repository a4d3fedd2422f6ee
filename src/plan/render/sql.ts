import { describeId } from '../../model/identity.ts';
import { objectOf } from '../../model/change.ts';
import type { Plan } from '../plan.ts';

/** A migration file: every statement terminated, each step introduced by a comment naming the object. */
export function renderSql(plan: Plan): string {
  if (!plan.steps.length) return '-- No changes.\n';
  const out: string[] = [];
  for (const step of plan.steps) {
    out.push(`-- ${step.change.op} ${describeId(objectOf(step.change).id)}${step.phase === 'drop' && step.change.op === 'replace' ? ' (drop)' : ''}`);
    for (const s of step.statements) {
      for (const h of s.hazards) out.push(`-- hazard ${h.code}: ${h.detail}`);
      out.push(`${s.sql};`);
    }
    out.push('');
  }
  return out.join('\n');
}
