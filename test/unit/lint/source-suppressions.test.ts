import { beforeAll, describe, expect, test } from 'vitest';
import { rules } from '../../../lint-rules/index.ts';
import { sqlFormat } from '../../../src/desired/sql-format.ts';
import { lintCatalog, parseLintConfig } from '../../../src/lint/index.ts';
import { catalogOf } from './fixtures.ts';
import { loadParser } from '../../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

const FILE = {
  path: 'desired/events.sql',
  text: [
    '-- schemaplan-ignore unquoted-camel-case: the legacy column really is lower case',
    'create table legacy (',
    '  userId uuid',
    ');',
    '',
    'create table events (',
    '  userId uuid',
    ');',
    '',
    '-- schemaplan-ignore unquoted-camel-case',
    'create table other (fileId uuid);',
    '',
    '-- schemaplan-ignore fk-index: nothing to index here',
    'create table plain (id uuid);',
    '',
  ].join('\n'),
};

describe('suppressions written in SQL files', () => {
  test('cover findings inside the statement they precede, and report reasonless and unused ones', () => {
    const compiled = sqlFormat.compile([FILE]);
    if (!compiled.ok) throw new Error('split');
    const statements = compiled.value;
    expect(statements.map((st) => [st.location.line, st.suppressions?.map((x) => x.location.line)])).toEqual([
      [2, [1]],
      [6, undefined],
      [11, [10]],
      [14, [13]],
    ]);
    const only = Object.fromEntries(rules.map((r) => [r.name, r.name === 'unquoted-camel-case' || r.name === 'fk-index' ? 'error' : 'off']));
    const config = parseLintConfig({ rules: only }, rules);
    if (!config.ok) throw new Error('config');
    const result = lintCatalog({ catalog: catalogOf(), config: config.value, files: [FILE], suppressions: statements });
    expect(result.suppressed.map((s) => [s.finding.rule, s.finding.location?.line])).toEqual([
      ['unquoted-camel-case', 3],
      ['unquoted-camel-case', 11],
    ]);
    expect(result.findings.map((f) => [f.rule, f.messageId, f.location?.line])).toEqual([
      ['unquoted-camel-case', 'unquoted', 7],
      ['invalid-suppression', 'missingReason', 10],
      ['unused-suppression', 'unused', 13],
    ]);
  });

  test('ignore globs match the file of findings on raw text', () => {
    const config = parseLintConfig({ rules: Object.fromEntries(rules.map((r) => [r.name, r.name === 'unquoted-camel-case' ? 'error' : 'off'])), ignore: ['desired/*.sql'] }, rules);
    if (!config.ok) throw new Error('config');
    const other = { path: 'other/events.sql', text: FILE.text };
    const result = lintCatalog({ catalog: catalogOf(), config: config.value, files: [FILE, other] });
    expect(new Set(result.findings.map((f) => f.location?.file))).toEqual(new Set(['other/events.sql']));
  });
});
