import { describeId } from '../../model/identity.ts';
import { objectOf } from '../../model/change.ts';
import type { Plan } from '../plan.ts';

/** A migration file: every statement terminated, each step introduced by a comment naming the object. */
export function renderSql(plan: Plan): string {
  if (!plan.steps.length) return '-- No changes.\n';
  // As apply does (and pg_dump's output): a function body may name a table created further down; it is checked
  // when called.
  const out: string[] = ['SET check_function_bodies = false;', ''];
  for (const step of plan.steps) {
    out.push(`-- ${step.change.op} ${describeId(objectOf(step.change).id)}${step.phase === 'drop' && step.change.op === 'replace' ? ' (drop)' : ''}`);
    for (const s of step.statements) {
      for (const h of s.hazards) out.push(`-- hazard ${h.code}: ${h.detail}`);
      if (!s.transactional) out.push('-- not in a transaction: commit it before the statements that use it (apply runs it first, on its own)');
      out.push(`${s.sql};`);
    }
    out.push('');
  }
  return out.join('\n');
}
