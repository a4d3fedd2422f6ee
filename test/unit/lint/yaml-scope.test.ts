import { describe, expect, test } from 'vitest';
import { scopeYamlSuppressions } from '../../../src/lint/yaml-scope.ts';

const TEXT = `schema: app
tables:
  sessions:
    columns:
      token: { type: text, lintIgnore: { camel-case-columns: "provider's name" } }
    lintIgnore:
      rls-enabled: "internal"
  public.audit:
    lintIgnore: { timestamps-present: "append-only" }
`;

describe('YAML suppression scopes', () => {
  test('each lintIgnore names its table or column, honouring the file schema and qualified names', () => {
    const at = (line: number) => ({ file: 'd/a.yaml', line, column: 1 });
    const ignore = (rule: string, line: number) => ({ rule, reason: 'x', location: at(line) });
    const scoped = scopeYamlSuppressions(
      [
        { location: at(3), suppressions: [ignore('camel-case-columns', 5), ignore('rls-enabled', 7)] },
        { location: at(8), suppressions: [ignore('timestamps-present', 9)] },
        { location: { file: 'd/b.sql', line: 1, column: 1 }, suppressions: [{ rule: 'x', reason: 'y', location: { file: 'd/b.sql', line: 1, column: 1 } }] },
      ],
      [{ path: 'd/a.yaml', text: TEXT }],
    );
    expect(scoped.flatMap((s) => s.suppressions ?? []).map((s) => [s.rule, s.object ?? null])).toEqual([
      ['camel-case-columns', { kind: 'column', schema: 'app', table: 'sessions', name: 'token' }],
      ['rls-enabled', { kind: 'table', schema: 'app', name: 'sessions' }],
      ['timestamps-present', { kind: 'table', schema: 'public', name: 'audit' }],
      ['x', null],
    ]);
  });
});
