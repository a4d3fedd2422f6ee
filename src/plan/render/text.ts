import pc from 'picocolors';
import { describeId } from '../../model/identity.ts';
import { objectOf } from '../../model/change.ts';
import type { Plan, PlanStep } from '../plan.ts';

type Colors = Pick<typeof pc, 'green' | 'red' | 'yellow' | 'dim' | 'bold' | 'cyan'>;
const plain: Colors = { green: String, red: String, yellow: String, dim: String, bold: String, cyan: String } as unknown as Colors;

const SIGN = { create: '+', drop: '-', alter: '~', replace: '±', rename: '→', data: '⇢' } as const;

function heading(step: PlanStep): string {
  const op = step.change.op;
  const id = describeId(objectOf(step.change).id);
  if (step.phase === 'after') return `~ ${id} (ownership)`;
  if (op === 'replace') return `${SIGN.replace} ${id} (${step.phase === 'drop' ? 'drop to recreate' : 'recreate'}: ${step.change.fields.join(', ')})`;
  if (op === 'alter') return `${SIGN.alter} ${id} (${step.change.fields.join(', ')})`;
  if (op === 'rename') return `${SIGN.rename} ${describeId(step.change.from.id)} renamed to ${'name' in step.change.to.id ? step.change.to.id.name : describeId(step.change.to.id)}`;
  if (op === 'data') return `${SIGN.data} ${id} absorbs the rows of ${describeId(step.change.from.id)}`;
  return `${SIGN[op]} ${id}`;
}

/** Human text: one block per step, grouped by object, hazards named; colours only when asked (TTY). */
export function renderText(plan: Plan, color: boolean): string {
  const c = color ? pc : plain;
  // Notes say how the plan was made (a shadow that fell back to PGlite, …): true of an empty plan too.
  const notes = plan.notes.map((n) => c.dim(`note: ${n}`));
  if (!plan.steps.length) return ['No changes. The target matches the desired state.', ...notes].join('\n') + '\n';
  const lines: string[] = [];
  let count = 0;
  for (const step of plan.steps) {
    const h = heading(step);
    const paint = h.startsWith('+') ? c.green : h.startsWith('-') ? c.red : c.yellow;
    lines.push(paint(c.bold(h)));
    for (const s of step.statements) {
      count++;
      lines.push(...s.sql.split('\n').map((l) => `    ${l}${l === s.sql.split('\n').at(-1) ? ';' : ''}`));
      for (const hz of s.hazards) lines.push(c.yellow(`    ! ${hz.code}: ${hz.detail}`));
    }
  }
  const hazards = plan.steps.flatMap((s) => s.statements.flatMap((x) => x.hazards));
  const destructive = hazards.filter((h) => h.code === 'data-loss').length;
  lines.push('');
  lines.push(c.bold(`Plan: ${count} statement${count === 1 ? '' : 's'} in ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}` + (destructive ? `, ${destructive} destructive` : '') + '.'));
  lines.push(...notes);
  return lines.join('\n') + '\n';
}
