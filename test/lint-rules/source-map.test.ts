import { beforeAll, describe, expect, test } from 'vitest';
import { asDbError } from '../../src/db/queryable.ts';
import { sqlFormat } from '../../src/desired/sql-format.ts';
import type { SourceStatement } from '../../src/desired/sources.ts';
import { lintCatalog } from '../../src/lint/index.ts';
import { buildSourceMap, unresolvedFromError } from '../../src/lint/source-map.ts';
import { encodeId } from '../../src/model/identity.ts';
import { configFor, readCatalog, reset, useDatabase } from './harness.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

const FILE = {
  path: 'desired/app.sql',
  text: [
    'create table workflows (',
    '  id uuid primary key default gen_random_uuid(),',
    '  "userId" uuid,',
    '  constraint workflows_named_check check (true)',
    ');',
    '',
    'create function app_touch() returns trigger language plpgsql as $$ begin return NEW; end $$;',
    'create policy wf_read on workflows for select using (auth.role() = \'authenticated\');',
    '',
  ].join('\n'),
};

function statements(): SourceStatement[] {
  const r = sqlFormat.compile([FILE]);
  if (!r.ok) throw new Error('split');
  return [...r.value];
}

describe('source locations of desired objects', () => {
  const db = useDatabase();

  test('maps tables, columns, named constraints and functions to file:line:column', async () => {
    await reset(db());
    const stmts = statements();
    await db().exec(stmts.slice(0, 2).map((s) => `${s.sql};`).join('\n'));
    const catalog = await readCatalog(db());
    const map = buildSourceMap(stmts, catalog);
    const at = (id: Parameters<typeof encodeId>[0]) => map.get(encodeId(id));
    expect(at({ kind: 'table', schema: 'public', name: 'workflows' })).toEqual({ file: 'desired/app.sql', line: 1, column: 1 });
    expect(at({ kind: 'column', schema: 'public', table: 'workflows', name: 'userId' })).toEqual({ file: 'desired/app.sql', line: 3, column: 3 });
    expect(at({ kind: 'constraint', schema: 'public', table: 'workflows', name: 'workflows_named_check' })).toEqual({ file: 'desired/app.sql', line: 4, column: 3 });
    expect(at({ kind: 'function', schema: 'public', name: 'app_touch', args: [] })).toEqual({ file: 'desired/app.sql', line: 7, column: 1 });

    const result = lintCatalog({ catalog, config: configFor('user-fk-to-users'), sources: map });
    expect(result.findings.map((f) => [f.object, f.location?.line])).toEqual([['column public.workflows.userId', 3]]);
  });

  test('a statement the shadow rejects for a missing function becomes an unresolved reference of its object', async () => {
    await reset(db());
    const stmts = statements();
    await db().exec(`create schema auth; ${stmts[0]!.sql}`);
    const policy = stmts[2]!;
    const error = await db().exec(policy.sql).then(
      () => null,
      (e: unknown) => asDbError(e),
    );
    expect(error?.code).toBe('42883');
    const unresolved = unresolvedFromError(policy, error!);
    expect(unresolved).toEqual({ name: 'auth.role()', location: { file: 'desired/app.sql', line: 8, column: 1 }, object: { kind: 'policy', schema: 'public', table: 'workflows', name: 'wf_read' } });
    expect(unresolvedFromError(policy, { code: '42P01', message: 'relation "x" does not exist' })).toBeNull();

    const result = lintCatalog({ catalog: await readCatalog(db()), config: configFor('undefined-function-reference'), unresolved: [unresolved!] });
    expect(result.findings.map((f) => [f.message, f.location?.line])).toEqual([['policy public.workflows.wf_read calls auth.role(), which does not exist', 8]]);
  });
});
