import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { buildDesiredCatalog } from '../../src/desired/build.ts';
import { pgliteProvider } from '../../src/desired/shadow/pglite.ts';
import { unwrapSources } from './harness.ts';
import { lintDesired, lintExitCode, type LintResult } from '../../src/lint/index.ts';

/** The project's own desired state (desired/, schemaplan.yaml) follows the policy it lints for. */
describe('lint of the dogfood desired state', () => {
  let result: LintResult;
  beforeAll(async () => {
    const config = loadConfig('.');
    if (!config.ok) throw new Error(config.error.message);
    const desired = await buildDesiredCatalog(config.value, config.value.desired, pgliteProvider(), { cacheDir: null });
    if (!desired.ok) throw new Error(desired.error.message);
    const linted = lintDesired({ catalog: desired.value.catalog, sources: unwrapSources(await desired.value.sources()), lintConfig: config.value.lint, managedSchemas: config.value.schemas === 'all' ? undefined : config.value.schemas });
    if (!linted.ok) throw new Error(linted.error.map((e) => e.message).join('; '));
    result = linted.value;
  }, 120_000);

  test('has no error-level finding', () => {
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    expect(lintExitCode(result, 'error')).toBe(0);
  });

  test('every finding points at a desired file', () => {
    expect(result.findings.length + result.suppressed.length).toBeGreaterThan(0);
    for (const f of [...result.findings, ...result.suppressed.map((x) => x.finding)]) expect(f.location?.file).toMatch(/^desired\//);
  });
});
