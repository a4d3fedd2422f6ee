import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/config.ts';
import { loadDesired, readDesired } from '../../src/desired/build.ts';
import { formatUserError } from '../../src/errors.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileYamlFiles } from '../../src/desired/yaml/index.ts';
import { loadSupabaseStubs, runInOrder, withTempDatabase } from './support/temp-database.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // compileYamlFiles checks SQL fragments synchronously

/** The complete example of docs/yaml.md, so the documentation is proven to load. */
function docsExample(): string {
  const doc = readFileSync(new URL('../../docs/yaml.md', import.meta.url), 'utf8');
  const m = /<!-- complete-example -->\n```yaml\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error('docs/yaml.md lost its complete example');
  return m[1]!;
}

describe('compiled YAML on PostgreSQL', () => {
  it('loads the docs example and behaves as declared', async () => {
    const compiled = compileYamlFiles([{ path: 'docs/yaml.md', text: docsExample() }]);
    if (!compiled.ok) throw new Error(compiled.error.map((e) => e.message).join('\n'));

    await withTempDatabase(async (db) => {
      await loadSupabaseStubs(db);
      await runInOrder(db, compiled.value);
      const q = async (sql: string, params: unknown[] = []) => (await db.query<any>(sql, params)).rows;

      const tables = await q(`
        SELECT n.nspname || '.' || c.relname AS t, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname IN ('public', 'billing') ORDER BY 1`);
      expect(tables).toEqual([
        { t: 'billing.invoices', rls: false, forced: false },
        { t: 'public.accounts', rls: true, forced: false },
        { t: 'public.events', rls: true, forced: false },
        { t: 'public.project_members', rls: true, forced: false },
        { t: 'public.projects', rls: true, forced: true },
      ]);
      const policies = await q(`SELECT tablename, policyname, permissive, cmd FROM pg_policies ORDER BY 1, 2`);
      expect(policies.map((p) => `${p.tablename}.${p.policyname}:${p.permissive}:${p.cmd}`)).toEqual([
        'accounts.accounts_select_self:PERMISSIVE:SELECT',
        'accounts.accounts_update_self:PERMISSIVE:UPDATE',
        'events.events_select_own:PERMISSIVE:SELECT',
        'projects.projects_hide_archived:RESTRICTIVE:SELECT',
        'projects.projects_owner_all:PERMISSIVE:ALL',
      ]);

      // updatedAt trigger
      const [account] = await q(
        `INSERT INTO accounts (email, "displayName", "updatedAt") VALUES ('A@x.io', 'A', now() - interval '1 day') RETURNING id, "updatedAt"`,
      );
      const [after] = await q(`UPDATE accounts SET bio = 'hi' WHERE id = $1 RETURNING "updatedAt"`, [account.id]);
      expect(after.updatedAt.getTime()).toBeGreaterThan(account.updatedAt.getTime());
      // citext unique
      await expect(q(`INSERT INTO accounts (email, "displayName") VALUES ('a@X.io', 'B')`)).rejects.toThrow(/accounts_email_key/);
      // checks, generated column, defaults
      await expect(q(`INSERT INTO projects ("ownerId", slug, name) VALUES ($1, 'Bad Slug', 'x')`, [account.id])).rejects.toThrow(
        /projects_slug_format/,
      );
      const [project] = await q(`INSERT INTO projects ("ownerId", slug, name) VALUES ($1, 'p1', 'First') RETURNING *`, [account.id]);
      expect(project.searchText).toBe("'first':1");
      expect(project.settings).toEqual({});
      await q(`INSERT INTO project_members ("projectId", "accountId") VALUES ($1, $2)`, [project.id, account.id]);
      expect((await q(`SELECT role FROM project_members`))[0].role).toBe('viewer');
      // partial unique index: one open invoice per project, any number of drafts
      await q(`INSERT INTO billing.invoices ("projectId", "amountCents") VALUES ($1, 100), ($1, 200)`, [project.id]);
      await q(`INSERT INTO billing.invoices ("projectId", "amountCents", status) VALUES ($1, 1, 'open')`, [project.id]);
      await expect(
        q(`INSERT INTO billing.invoices ("projectId", "amountCents", status) VALUES ($1, 2, 'open')`, [project.id]),
      ).rejects.toThrow(/invoices_one_open_per_project/);
      // onDelete restrict from invoices, cascade from members
      await expect(q(`DELETE FROM projects WHERE id = $1`, [project.id])).rejects.toThrow(/invoices_projectId_fkey/);
      await q(`DELETE FROM billing.invoices`);
      await q(`DELETE FROM accounts WHERE id = $1`, [account.id]);
      expect(await q(`SELECT count(*)::int AS n FROM project_members`)).toEqual([{ n: 0 }]);

      const comments = await q(`SELECT obj_description('billing.invoice_status'::regtype, 'pg_type') AS c`);
      expect(comments).toEqual([{ c: 'Lifecycle of an invoice' }]);
    });
  });

  it('mixes with SQL files both ways through the engine loader: YAML policies call SQL functions that read YAML tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-yaml-'));
    try {
      writeFileSync(
        join(dir, 'tables.yaml'),
        'tables:\n  notes:\n    id: uuid\n    columns:\n      owner: uuid\n    rls: enabled\n' +
          '    policies:\n      notes_owner: { using: public.owns_note(id) }\n',
      );
      writeFileSync(
        join(dir, 'functions.sql'),
        "CREATE FUNCTION public.owns_note(note uuid) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM public.notes n WHERE n.id = note AND n.owner = current_setting('app.user')::uuid) $$;\n",
      );
      const sources = await readDesired(dir);
      if (!sources.ok) throw new Error(formatUserError(sources.error));
      await withTempDatabase(async (db) => {
        const loaded = await loadDesired(db, defaultConfig(dir), sources.value);
        if (!loaded.ok) throw new Error(formatUserError(loaded.error));
        const policies = await db.query<{ qual: string }>(`SELECT qual FROM pg_policies WHERE policyname = 'notes_owner'`);
        expect(policies.rows).toEqual([{ qual: 'owns_note(id)' }]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('reports what Postgres rejects inside a CREATE TABLE at the column or check it came from', async () => {
    const yaml = 'tables:\n  notes:\n    id: uuid\n    columns:\n      title: text\n      body: { type: txt }\n      n: { type: int, check: "m > 0" }\n';
    for (const [text, expected] of [
      [yaml, 'notes.yaml:6:7: type "txt" does not exist (body txt NOT NULL)\n  hint: did you mean "text"?'],
      [yaml.replace('{ type: txt }', 'text'), 'notes.yaml:7:23: column "m" does not exist (CONSTRAINT notes_n_check CHECK (m > 0))'],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'sp-yaml-'));
      try {
        writeFileSync(join(dir, 'notes.yaml'), text);
        const sources = await readDesired(dir);
        if (!sources.ok) throw new Error(formatUserError(sources.error));
        await withTempDatabase(async (db) => {
          const loaded = await loadDesired(db, defaultConfig(dir), sources.value);
          expect(loaded.ok).toBe(false);
          if (!loaded.ok) expect(formatUserError(loaded.error).replace(/^\S*notes\.yaml/, 'notes.yaml')).toBe(expected);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
