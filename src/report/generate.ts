import path from 'node:path';
import { externalSchemas } from '../config/config.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
import { builtinRules, lintCatalog, parseLintConfig, type LintResult } from '../lint/index.ts';
import type { Plan } from '../plan/plan.ts';
import { renderSql } from '../plan/render/sql.ts';
import { describeTarget } from '../target/target.ts';
import { preparePlan, type PlanRequest, type Prepared } from '../workflow/prepare.ts';
import { addExternalFunctionItems } from './external-functions.ts';
import { addLintItems } from './lint-items.ts';
import { readMigrations } from './migration-files.ts';
import { addMigrationItems, creationSites } from './migration-items.ts';
import { SectionBuilder, type GapReport } from './model.ts';
import { addPlanItems, planSqlByObject } from './plan-items.ts';
import { loadParser } from '../sql/parser.ts';

/** Target vs desired: plan, lint of the target's catalog and, for a migrations folder, its files → the gap report. */
export async function generateReport(req: PlanRequest): Promise<Result<GapReport, UserError>> {
  const prepared = await preparePlan(req);
  if (!prepared.ok) return prepared;
  await prepared.value.target.dispose();
  await loadParser(); // lint rules and the migration files' analysis parse SQL
  return assembleReport(req, prepared.value);
}

export function assembleReport(req: PlanRequest, prepared: Prepared): Result<GapReport, UserError> {
  const { plan, current, desired, schemas } = prepared;
  const lintConfig = parseLintConfig(req.config.lint, builtinRules);
  if (!lintConfig.ok) return err(lintConfig.error[0]!);
  // Lint judges what the target has, not the desired state: the report is about the target's gaps.
  const lint = lintCatalog({ catalog: current, config: lintConfig.value, managedSchemas: schemas });
  const sections = new SectionBuilder();
  let origins = new Map<string, string>();
  if (req.target.kind === 'migrations') {
    const files = readMigrations(req.target.dir);
    if (!files.ok) return files;
    addMigrationItems({ files: files.value, current, desired, schemas, planSql: planSqlByObject(plan) }, sections);
    origins = creationSites(files.value);
  }
  addPlanItems(plan, sections, origins);
  addLintItems(lint, sections);
  addExternalFunctionItems(current, externalSchemas(req.config), sections);
  return ok({
    target: describeTarget(req.target),
    desired: path.relative(process.cwd(), req.desiredPath) || req.desiredPath,
    sections: sections.build(),
    actions: { summary: summarize(plan, lint), sql: renderSql(plan) },
  });
}

function summarize(plan: Plan, lint: LintResult): string[] {
  const count = (op: string) => plan.steps.filter((s) => s.change.op === op && !(op === 'replace' && s.phase === 'drop')).length;
  const statements = plan.steps.reduce((n, s) => n + s.statements.length, 0);
  const destructive = plan.steps.flatMap((s) => s.statements).filter((s) => s.hazards.some((h) => h.code === 'data-loss')).length;
  const byOp = [`${count('create')} create`, `${count('alter') + count('replace')} alter`, `${count('drop')} drop`, `${count('rename')} rename`, `${count('data')} data`].join(', ');
  return [
    `Apply the migration below (\`schemaplan apply\`): ${statements} statements in ${plan.steps.length} steps (${byOp} steps)${destructive ? `, ${destructive} destructive` : ''}.`,
    `Review the ${lint.findings.length} lint findings on the target above: the plan fixes those the desired state already resolves; the others need a change to the desired state.`,
    ...plan.notes.map((n) => `Note: ${n}`),
  ];
}
