/**
 * The findings every SafeQL setup must produce on the lint fixtures, run once per connection path
 * (safeql-dev-server.test.ts, safeql-embedded.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { ESLint } from 'eslint';
import { createEslint, lintFixture, safeqlMessages, type Project } from './safeql-harness.ts';
import type { SchemaplanSafeqlOptions } from '../../src/integrations/safeql/cache-key.ts';

export function findingsCases(project: () => Project, options: () => Omit<SchemaplanSafeqlOptions, 'cwd'>): void {
  let eslint: ESLint | undefined;
  const lint = async (name: string) => safeqlMessages(await lintFixture((eslint ??= createEslint(project(), options())), name));

  it('reports a column the desired state does not have', async () => {
    const [m, ...rest] = await lint('missing-column');
    expect(rest.map((r) => r.message)).toEqual([]);
    expect(m?.message).toBe('Invalid Query: column u.nickname does not exist');
  });

  it('reports a snake_case column where the desired state is camelCase', async () => {
    const [m, ...rest] = await lint('snake-case-column');
    expect(rest.map((r) => r.message)).toEqual([]);
    expect(m?.message).toBe('Invalid Query: column wr.user_id does not exist');
  });

  it('reports a table the desired state does not have', async () => {
    const [m, ...rest] = await lint('missing-table');
    expect(rest.map((r) => r.message)).toEqual([]);
    expect(m?.message).toBe('Invalid Query: relation "audit_log" does not exist');
  });

  it('reports a parameter whose type does not fit the column', async () => {
    const [m, ...rest] = await lint('wrong-parameter-type');
    expect(rest.map((r) => r.message)).toEqual([]);
    expect(m?.message).toBe('Invalid Query: operator does not exist: uuid = integer');
  });

  it('reports a nullable column annotated as non-null', async () => {
    const [m, ...rest] = await lint('nullable-annotated-non-null');
    expect(rest.map((r) => r.message)).toEqual([]);
    expect(m?.message).toContain('Query has incorrect type annotation.');
    expect(m?.message).toContain('Expected: { id: string; avatarUrl: string }');
    expect(m?.message).toContain('Actual: { id: string; avatarUrl: string | null }');
  });

  it('reports a missing type annotation, and --fix writes the one the desired state implies', async () => {
    const [m, ...rest] = await lint('missing-type-annotation');
    expect(rest.map((r) => r.message)).toEqual([]);
    expect(m?.message).toContain('Query is missing type annotation');
    const expected = '{ id: string; email: string; avatarUrl: string | null }';
    expect(m?.message).toContain(expected);

    const fixer = createEslint(project(), options(), true);
    const fixed = await lintFixture(fixer, 'missing-type-annotation');
    expect(fixed.output).toContain(`pool.query<${expected}>(sql\``);
    // The fixed text is itself clean.
    const [again] = await fixer.lintText(fixed.output!, { filePath: fixed.filePath });
    expect(again?.messages).toEqual([]);
  });

  it('accepts a file whose queries match the desired state', async () => {
    expect((await lint('correct')).map((m) => m.message)).toEqual([]);
  });
}

/** Rename users."avatarUrl" in the project's desired state (a temp copy), as a user editing desired/ would. */
export function renameAvatarUrl(project: Project): void {
  const file = join(project.desiredDir, '010-accounts.sql');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('"avatarUrl"')) throw new Error('fixture changed: "avatarUrl" not found');
  writeFileSync(file, text.replace('"avatarUrl"', '"pictureUrl"'));
}
