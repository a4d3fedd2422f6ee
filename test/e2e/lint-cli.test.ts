import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, project } from '../helpers/cli.ts';

const BAD = `create table orders (id bigserial primary key, user_id uuid, total int);
create policy p on orders using (true);
`;

describe('schemaplan lint', () => {
  const dir = project({ 'desired/schema.sql': BAD, 'schemaplan.yaml': 'lint:\n  baseline: lint-baseline.json\n' });

  it('reports policy findings with their file:line and exits 3 on errors', async () => {
    const r = await cli(['lint'], dir);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/table public\.orders  desired\/schema\.sql:1/);
    expect(r.stdout).toMatch(/uuid-primary-key/);
    expect(r.stdout).toMatch(/policy-without-rls/);
  });

  it('writes SARIF 2.1.0 and GitHub annotations', async () => {
    const sarif = JSON.parse((await cli(['lint', '--format', 'sarif'], dir)).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'uuid-primary-key')).toBe(true);
    const gh = (await cli(['lint', '--format', 'github'], dir)).stdout;
    expect(gh).toMatch(/^::error file=desired\/schema\.sql,line=1/m);
  });

  it('fails only on new findings once a baseline is written', async () => {
    const d = project({ 'desired/schema.sql': BAD, 'schemaplan.yaml': 'lint:\n  baseline: lint-baseline.json\n' });
    expect((await cli(['lint', '--update-baseline'], d)).code).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(d, 'lint-baseline.json'), 'utf8'));
    expect(baseline.findings.map((f: { rule: string }) => f.rule)).toContain('uuid-primary-key');
    expect((await cli(['lint'], d)).code).toBe(0);
    writeFileSync(path.join(d, 'desired/schema.sql'), BAD + 'create table invoices (id bigserial primary key);\n');
    const r = await cli(['lint'], d);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/table public\.invoices[\s\S]*uuid-primary-key/);
    expect(r.stdout).not.toContain('table public.orders');
  });

  it('uses the baseline it wrote without a lint.baseline setting (lint-baseline.json at the root)', async () => {
    const d = project({ 'desired/schema.sql': BAD });
    expect((await cli(['lint'], d)).code).toBe(3);
    expect((await cli(['lint', '--update-baseline'], d)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(d, 'lint-baseline.json'), 'utf8'))).toBeTruthy();
    expect((await cli(['lint', '--fail-on', 'warn'], d)).code).toBe(0);
  });

  it('says so in one line when the baseline cannot be written', async () => {
    const d = project({ 'desired/schema.sql': BAD, 'schemaplan.yaml': 'lint:\n  baseline: missing/baseline.json\n' });
    const r = await cli(['lint', '--update-baseline'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot write missing\/baseline\.json: its directory does not exist/);
  });

  it('runs inside plan: findings follow the plan, and --fail-on gates on them', async () => {
    const d = project({ 'desired/schema.sql': BAD });
    const plan = await cli(['plan', '--fail-on', 'error'], d);
    expect(plan.stdout).toContain('+ table public.orders');
    expect(plan.stdout).toMatch(/Lint:\n[\s\S]*uuid-primary-key/);
    expect(plan.code).toBe(3);
    // In markdown (a PR comment) the findings follow under one heading of their own.
    const md = await cli(['plan', '--format', 'markdown'], d);
    expect(md.stdout.match(/^#+ Lint/gm)).toEqual(['### Lint']);
  });

  it('shows the findings that fail a plan: info ones under --fail-on info, on stderr for json', async () => {
    const d = project({ 'desired/schema.sql': BAD });
    const text = await cli(['plan'], d);
    expect(text.stdout).not.toContain('no-natural-key');
    const info = await cli(['plan', '--fail-on', 'info'], d);
    expect(info.stdout).toMatch(/Lint:\n[\s\S]*no-natural-key/);
    expect(info.code).toBe(3);
    const json = await cli(['plan', '--format', 'json', '--fail-on', 'error'], d);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).formatVersion).toBe(2);
    expect(json.stderr).toMatch(/Lint:\n[\s\S]*uuid-primary-key/);
  });
});
