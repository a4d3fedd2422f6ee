import type { DesiredSources } from '../desired/build.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
import type { Catalog } from '../model/catalog.ts';
import { rules as builtinRules } from '../../lint-rules/index.ts';
import { parseBaseline } from './baseline.ts';
import { parseLintConfig } from './config.ts';
import { lintCatalog } from './engine.ts';
import type { LintResult } from './finding.ts';
import type { PlanLike, UnresolvedReference } from './rule.ts';
import { buildSourceMap } from './source-map.ts';
import { scopeYamlSuppressions } from './yaml-scope.ts';

export interface LintDesiredInput {
  /** The desired catalog and the files and statements it was built from (buildDesiredCatalog's result). */
  readonly catalog: Catalog;
  readonly sources: DesiredSources;
  /** The raw `lint:` section of schemaplan.yaml. */
  readonly lintConfig: unknown;
  /** Schemas the plan manages, less external ones. */
  readonly managedSchemas?: readonly string[];
  /** Text and path of the baseline file, when there is one. */
  readonly baseline?: { readonly path: string; readonly text: string };
  readonly unresolved?: readonly UnresolvedReference[];
  readonly plan?: PlanLike | null;
}

/** The whole lint of a desired state, as `schemaplan lint` and `schemaplan plan` run it. */
export function lintDesired(input: LintDesiredInput): Result<LintResult, readonly UserError[]> {
  const config = parseLintConfig(input.lintConfig, builtinRules);
  if (!config.ok) return config;
  const baseline = input.baseline ? parseBaseline(input.baseline.text, input.baseline.path) : undefined;
  if (baseline && !baseline.ok) return err([baseline.error]);
  return ok(
    lintCatalog({
      catalog: input.catalog,
      config: config.value,
      sources: buildSourceMap(input.sources.statements, input.catalog),
      suppressions: scopeYamlSuppressions(input.sources.statements, input.sources.files),
      files: input.sources.files,
      ...(input.managedSchemas ? { managedSchemas: input.managedSchemas } : {}),
      ...(baseline?.ok ? { baseline: baseline.value } : {}),
      ...(input.unresolved ? { unresolved: input.unresolved } : {}),
      ...(input.plan ? { plan: input.plan } : {}),
    }),
  );
}
