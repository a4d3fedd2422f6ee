import { describe, expect, test } from 'vitest';
import { rules } from '../../../lint-rules/index.ts';
import { createBaseline, lintCatalog, lintExitCode, parseBaseline, parseLintConfig, serializeBaseline, type LintConfig } from '../../../src/lint/index.ts';
import { encodeId } from '../../../src/model/identity.ts';
import { smallCatalog } from './fixtures.ts';

function config(raw: unknown): LintConfig {
  const r = parseLintConfig(raw, rules);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const only = (...names: string[]) => Object.fromEntries(rules.map((r) => [r.name, names.includes(r.name) ? 'error' : 'off']));

describe('lint config', () => {
  test('rejects unknown rules and bad options with the config path', () => {
    const r = parseLintConfig({ rules: { 'no-such-rule': 'warn', 'table-naming': ['warn', { convention: 'kebab' }] } }, rules);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => e.object)).toEqual(expect.arrayContaining(['lint.rules.no-such-rule', 'lint.rules.table-naming.options.convention']));
    expect(r.error.every((e) => e.code === 'config')).toBe(true);
  });

  test('accepts the three setting shapes and merges options over defaults', () => {
    const c = config({ rules: { 'rls-enabled': 'info', 'table-naming': ['warn', { number: 'plural' }], 'fk-index': { severity: 'off' } } });
    expect(c.rules.get('rls-enabled')!.severity).toBe('info');
    expect(c.rules.get('table-naming')!.options).toEqual({ convention: 'snake_case', number: 'plural', allow: [] });
    expect(c.rules.get('fk-index')!.severity).toBe('off');
    expect(c.rules.get('uuid-primary-key')!.severity).toBe('error');
  });

  test('rejects a bad severity', () => {
    expect(parseLintConfig({ rules: { 'rls-enabled': 'fatal' } }, rules).ok).toBe(false);
  });
});

describe('lintCatalog', () => {
  test('runs enabled rules with their configured severity and message data', () => {
    const result = lintCatalog({ catalog: smallCatalog(), config: config({ rules: { ...only('rls-enabled', 'uuid-primary-key'), 'rls-enabled': 'warn' } }) });
    const summary = result.findings.map((f) => [f.rule, f.severity, f.object]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['rls-enabled', 'warn', 'table public.users'],
        ['rls-enabled', 'warn', 'table public.legacy_things'],
        ['uuid-primary-key', 'error', 'column public.users.id'],
        ['uuid-primary-key', 'error', 'table public.legacy_things'],
      ]),
    );
    expect(result.findings).toHaveLength(4);
    const pk = result.findings.find((f) => f.rule === 'uuid-primary-key' && f.target?.kind === 'column')!;
    expect(pk.message).toBe('primary key column "id" is bigint (identity); use uuid DEFAULT gen_random_uuid()');
    expect(result.findings.find((f) => f.object === 'table public.users' && f.rule === 'rls-enabled')!.fix).toBe('ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;');
  });

  test('ignore globs drop findings on matching objects and their sub-objects', () => {
    const result = lintCatalog({ catalog: smallCatalog(), config: config({ rules: only('rls-enabled', 'uuid-primary-key'), ignore: ['public.legacy_*'] }) });
    expect(result.findings.map((f) => f.object)).not.toContain('table public.legacy_things');
    const perRule = lintCatalog({ catalog: smallCatalog(), config: config({ rules: { ...only('rls-enabled'), 'uuid-primary-key': { severity: 'error', ignore: ['public.users'] } } }) });
    expect(perRule.findings.filter((f) => f.rule === 'uuid-primary-key').map((f) => f.object)).toEqual(['table public.legacy_things']);
  });

  test('attaches source locations, falling back to the table of a sub-object', () => {
    const sources = new Map([[encodeId({ kind: 'table', schema: 'public', name: 'users' }), { file: 'desired/users.sql', line: 3, column: 1 }]]);
    const result = lintCatalog({ catalog: smallCatalog(), config: config({ rules: only('uuid-primary-key') }), sources });
    expect(result.findings.find((f) => f.object === 'column public.users.id')!.location).toEqual({ file: 'desired/users.sql', line: 3, column: 1 });
  });

  test('source suppressions hide findings; missing reasons, unknown rules and unused ones are findings', () => {
    const sources = new Map([[encodeId({ kind: 'table', schema: 'public', name: 'users' }), { file: 'd/users.sql', line: 3, column: 1 }]]);
    const at = (line: number) => ({ file: 'd/users.sql', line, column: 1 });
    const result = lintCatalog({
      catalog: smallCatalog(),
      config: config({ rules: only('rls-enabled', 'uuid-primary-key') }),
      sources,
      suppressions: [
        {
          location: at(3),
          sql: 'create table users (\n  id bigint generated always as identity primary key\n)',
          suppressions: [
            { rule: 'rls-enabled', reason: 'public lookup table', location: at(1) },
            { rule: 'uuid-primary-key', reason: '', location: at(2) },
          ],
        },
        { location: at(9), sql: 'select 1', suppressions: [{ rule: 'rls-enabled', reason: 'n/a', location: at(8) }, { rule: 'nope', reason: 'x', location: at(7) }] },
      ],
    });
    expect(result.suppressed.map((s) => [s.finding.rule, s.finding.object])).toEqual(
      expect.arrayContaining([
        ['rls-enabled', 'table public.users'],
        ['uuid-primary-key', 'column public.users.id'],
      ]),
    );
    const meta = result.findings.filter((f) => f.rule.endsWith('-suppression')).map((f) => [f.rule, f.messageId, f.severity, f.location?.line]);
    expect(meta).toEqual(
      expect.arrayContaining([
        ['invalid-suppression', 'missingReason', 'error', 2],
        ['invalid-suppression', 'unknownRule', 'error', 7],
        ['unused-suppression', 'unused', 'warn', 8],
      ]),
    );
    expect(meta).toHaveLength(3);
    // A suppression of a rule that is turned off is not reported as unused.
    const off = lintCatalog({
      catalog: smallCatalog(),
      config: config({ rules: only('rls-enabled') }),
      suppressions: [{ location: at(9), sql: 'select 1', suppressions: [{ rule: 'fk-index', reason: 'n/a', location: at(8) }] }],
    });
    expect(off.findings.filter((f) => f.rule === 'unused-suppression')).toEqual([]);
    // Their severities are configurable like a rule's.
    const strict = lintCatalog({
      catalog: smallCatalog(),
      config: config({ rules: { ...only('rls-enabled'), 'unused-suppression': 'error', 'invalid-suppression': 'off' } }),
      suppressions: [{ location: at(9), sql: 'select 1', suppressions: [{ rule: 'rls-enabled', reason: '', location: at(8) }] }],
    });
    expect(strict.findings.filter((f) => f.rule.endsWith('-suppression')).map((f) => [f.rule, f.severity])).toEqual([['unused-suppression', 'error']]);
    expect(parseLintConfig({ rules: { 'unused-suppression': ['warn', { x: 1 }] } }, rules).ok).toBe(false);
    expect(result.findings.filter((f) => f.object === 'table public.users')).toEqual([]);
  });

  test('a baseline accepts known findings so that only new ones count', () => {
    const cfg = config({ rules: only('rls-enabled') });
    const before = lintCatalog({ catalog: smallCatalog(), config: cfg });
    const text = serializeBaseline(createBaseline(before.findings.filter((f) => f.object === 'table public.users')));
    const parsed = parseBaseline(text, 'lint-baseline.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const after = lintCatalog({ catalog: smallCatalog(), config: cfg, baseline: parsed.value });
    expect(after.baselined.map((f) => f.object)).toEqual(['table public.users']);
    expect(after.findings.map((f) => f.object)).toEqual(['table public.legacy_things']);
    expect(parseBaseline('{"version":2}', 'b.json').ok).toBe(false);
    expect(parseBaseline('not json', 'b.json').ok).toBe(false);
  });

  test('fingerprints survive a move to another line', () => {
    const cfg = config({ rules: only('rls-enabled') });
    const id = encodeId({ kind: 'table', schema: 'public', name: 'users' });
    const a = lintCatalog({ catalog: smallCatalog(), config: cfg, sources: new Map([[id, { file: 'a.sql', line: 1, column: 1 }]]) });
    const b = lintCatalog({ catalog: smallCatalog(), config: cfg, sources: new Map([[id, { file: 'a.sql', line: 40, column: 1 }]]) });
    expect(a.findings.map((f) => f.fingerprint).sort()).toEqual(b.findings.map((f) => f.fingerprint).sort());
  });

  test('fail-on maps findings at or above the threshold to exit code 3', () => {
    const result = lintCatalog({ catalog: smallCatalog(), config: config({ rules: { ...only(), 'rls-enabled': 'warn' } }) });
    expect(lintExitCode(result, 'error')).toBe(0);
    expect(lintExitCode(result, 'warn')).toBe(3);
    expect(lintExitCode(result, 'info')).toBe(3);
    expect(lintExitCode(result, 'never')).toBe(0);
  });
});
