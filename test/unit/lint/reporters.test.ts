import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { rules } from '../../../lint-rules/index.ts';
import { createBaseline, formatFindings, lintCatalog, parseLintConfig, type LintResult } from '../../../src/lint/index.ts';
import { encodeId } from '../../../src/model/identity.ts';
import { smallCatalog } from './fixtures.ts';

const require = createRequire(import.meta.url);
// The official SARIF 2.1.0 schema, as shipped by Microsoft's sarif-js-sdk.
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const Ajv = require('ajv-draft-04').default as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;

function sarifValidator() {
  // The schema's language-tag pattern is not valid in unicode mode; it is valid ECMAScript otherwise.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
}

function sample(): LintResult {
  const cfg = parseLintConfig({ rules: { ...Object.fromEntries(rules.map((r) => [r.name, 'off'])), 'rls-enabled': 'warn', 'uuid-primary-key': 'error', 'timestamps-present': 'info' } }, rules);
  if (!cfg.ok) throw new Error('config');
  const users = encodeId({ kind: 'table', schema: 'public', name: 'users' });
  const base = lintCatalog({ catalog: smallCatalog(), config: cfg.value });
  return lintCatalog({
    catalog: smallCatalog(),
    config: cfg.value,
    sources: new Map([[users, { file: 'desired/app, core/users.sql', line: 4, column: 1 }]]),
    suppressions: [{ location: { file: 'desired/app, core/users.sql', line: 4, column: 1 }, sql: 'create table users ()', suppressions: [{ rule: 'timestamps-present', reason: 'lookup table', location: { file: 'desired/app, core/users.sql', line: 3, column: 1 } }] }],
    baseline: createBaseline(base.findings.filter((f) => f.object === 'table public.legacy_things' && f.rule === 'rls-enabled')),
  });
}

describe('reporters', () => {
  test('text groups findings by object, shows fixes and a summary, without colour off a TTY', () => {
    const out = formatFindings(sample(), 'text', { color: false });
    expect(out).not.toMatch(/\u001b\[/);
    const lines = out.split('\n');
    const header = lines.findIndex((l) => l.startsWith('table public.users'));
    expect(lines[header]).toContain('desired/app, core/users.sql:4:1');
    expect(lines.slice(header + 1, header + 3).join('\n')).toMatch(/warn +rls-enabled +table public\.users does not enable row level security/);
    expect(out).toContain('fix: ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;');
    expect(out).toMatch(/2 errors, \d+ warnings?, \d+ info \(2 suppressed, 1 in baseline\)/);
  });

  test('text uses colour when asked', () => {
    expect(formatFindings(sample(), 'text', { color: true })).toMatch(/\u001b\[31merror/);
  });

  test('json carries findings, suppressed and baselined findings and a summary', () => {
    const json = JSON.parse(formatFindings(sample(), 'json'));
    expect(json.formatVersion).toBe(1);
    expect(json.summary.error).toBe(2);
    expect(json.summary.suppressed).toBe(2);
    expect(json.summary.baselined).toBe(1);
    expect(json.findings[0]).toHaveProperty('fingerprint');
  });

  test('github emits escaped workflow commands per finding', () => {
    const out = formatFindings(sample(), 'github');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(sample().findings.length);
    expect(lines).toContain('::warning file=desired/app%2C core/users.sql,line=4,col=1,title=rls-enabled (table public.users)::table public.users does not enable row level security%0Afix: ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;');
    expect(lines.some((l) => l.startsWith('::error ') && l.includes('title=uuid-primary-key'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::notice '))).toBe(true);
  });

  test('markdown renders a table row per finding with escaped cells', () => {
    const out = formatFindings(sample(), 'markdown');
    expect(out.split('\n')[0]).toBe('### Lint: 2 errors, 1 warning, 2 info');
    expect(out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| severity') && !l.startsWith('| ---'))).toHaveLength(sample().findings.length);
    expect(out).toContain('| 🟠 warn | `rls-enabled` | table public.users | table public.users does not enable row level security<br>fix: `ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;` | `desired/app, core/users.sql:4` |');
    expect(out).toContain('_2 suppressed in source, 1 accepted by the baseline._');
  });

  test('sarif is valid SARIF 2.1.0 and marks suppressed and baselined results', () => {
    const validate = sarifValidator();
    const log = JSON.parse(formatFindings(sample(), 'sarif', { toolVersion: '0.1.0' }));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; level: string; suppressions?: { kind: string }[]; locations?: unknown[] }[];
    expect(results.filter((r) => r.suppressions?.[0]?.kind === 'inSource')).toHaveLength(2);
    expect(results.filter((r) => r.suppressions?.[0]?.kind === 'external')).toHaveLength(1);
    for (const r of results) expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    const located = results.find((r) => r.ruleId === 'rls-enabled' && !r.suppressions) as any;
    expect(located.locations[0].physicalLocation.artifactLocation.uri).toBe('desired/app%2C%20core/users.sql');
    expect(located.level).toBe('warning');
  });

  test('the sarif schema check is not vacuous', () => {
    const validate = sarifValidator();
    const log = JSON.parse(formatFindings(sample(), 'sarif'));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });
});
