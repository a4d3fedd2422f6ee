import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, project } from '../helpers/cli.ts';

/** `schemaplan report` as a user runs it: a separate process on a small project with a migrations folder. */
describe('schemaplan report', () => {
  const dir = project({
    'desired/tables.sql': `create table users (id uuid primary key default gen_random_uuid(), email text not null unique);
create table teams (id uuid primary key default gen_random_uuid(), name text not null unique, "ownerId" uuid references users (id));
`,
    'migrations/001_init.sql': `create table users (id uuid primary key default gen_random_uuid(), email text not null unique);
create function unused_fn() returns int language sql as $$ select 1 $$;
`,
    'migrations/002_outside.sql': `-- schemaplan:not-a-migration (created by hand in production)
create table teams (id uuid primary key default gen_random_uuid(), name text not null unique);
`,
    'migrations/003_teams_rls.sql': `alter table teams enable row level security;
do $$ begin
  if false then
    create policy "owners see their teams" on teams for select using ("ownerId" = current_user::text::uuid);
  end if;
end $$;
`,
  });

  it('writes the Markdown report and exits 0', async () => {
    const r = await cli(['report', '--target', 'migrations', '--dev-url', 'embedded'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Database Schema Gaps & Inconsistencies\n/);
    expect(r.stdout).toContain('\n## ⚠️ Missing in Migrations\n');
    expect(r.stdout).toMatch(/1\. \*\*table public\.teams\*\* - in the desired state and the target, but only RLS policies exist in migrations \(`migrations\/003_teams_rls\.sql`\)/);
    expect(r.stdout).toMatch(/\*\*column public\.teams\.ownerId\*\* - referenced in RLS policy "owners see their teams"/);
    expect(r.stdout).toMatch(/\*\*function public\.unused_fn\(\)\*\* - created in `migrations\/001_init\.sql:2` but may not be used/);
    expect(r.stdout).toContain('## Action Items');
    expect(r.stdout).toContain('ALTER TABLE public.teams ADD COLUMN "ownerId" uuid;');
  });

  it('writes JSON to a file with --format json --out', async () => {
    const r = await cli(['report', '--target', 'migrations', '--dev-url', 'embedded', '--format', 'json', '--out', 'report.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { sections: { title: string; subsections: { heading: string; items: { object: string; fix?: string; source: string }[] }[] }[] };
    const obsolete = json.sections.find((s) => s.title === 'Obsolete in Target')!;
    const fn = obsolete.subsections.find((h) => h.heading === 'Functions')!.items[0]!;
    expect(fn).toMatchObject({ object: 'function public.unused_fn()', fix: 'DROP FUNCTION public.unused_fn();', source: 'plan' });
  });

  it('exits 1 with the error when the target cannot be read', async () => {
    const r = await cli(['report', '--target', 'no-such-dump.sql', '--dev-url', 'embedded'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-dump.sql');
  });
});
