import { describeId } from '../../model/identity.ts';
import { objectOf } from '../../model/change.ts';
import type { Plan } from '../plan.ts';
import { renderSql } from './sql.ts';

const OP = { create: 'create', drop: 'drop', alter: 'alter', replace: 'recreate', rename: 'rename', data: 'copy rows' } as const;

/** For pull-request comments: a summary, the hazards as a table, and the migration in a collapsed block. */
export function renderMarkdown(plan: Plan): string {
  if (!plan.steps.length) return '### schemaplan: no changes\n\nThe target matches the desired state.\n';
  const statements = plan.steps.flatMap((s) => s.statements);
  const counts = new Map<string, number>();
  for (const s of plan.steps) if (s.phase !== 'drop' || s.change.op === 'drop') counts.set(OP[s.change.op], (counts.get(OP[s.change.op]) ?? 0) + 1);
  const out = [
    `### schemaplan: ${statements.length} statement${statements.length === 1 ? '' : 's'}`,
    '',
    [...counts].map(([op, n]) => `${n} ${op}`).join(' · '),
    '',
  ];
  const hazards = plan.steps.flatMap((step) => step.statements.flatMap((s) => s.hazards.map((h) => ({ h, step }))));
  if (hazards.length) {
    out.push('| hazard | object | detail |', '|---|---|---|');
    for (const { h, step } of hazards) out.push(`| \`${h.code}\` | ${describeId(objectOf(step.change).id)} | ${h.detail.replaceAll('|', '\\|')} |`);
    out.push('');
  }
  for (const n of plan.notes) out.push(`> ${n}`, '');
  out.push('<details><summary>Migration SQL</summary>', '', '```sql', renderSql(plan).trimEnd(), '```', '', '</details>', '');
  return out.join('\n');
}
