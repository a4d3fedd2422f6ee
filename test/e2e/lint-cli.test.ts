import { readFileSync } from 'node:fs';
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
    expect((await cli(['lint', '--update-baseline'], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'lint-baseline.json'), 'utf8'))).toBeTruthy();
    expect((await cli(['lint'], dir)).code).toBe(0);
  });

  it('uses the baseline it wrote without a lint.baseline setting (lint-baseline.json at the root)', async () => {
    const d = project({ 'desired/schema.sql': BAD });
    expect((await cli(['lint'], d)).code).toBe(3);
    expect((await cli(['lint', '--update-baseline'], d)).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(d, 'lint-baseline.json'), 'utf8'))).toBeTruthy();
    expect((await cli(['lint', '--fail-on', 'warn'], d)).code).toBe(0);
  });

  it('runs inside plan: findings follow the plan, and --fail-on gates on them', async () => {
    const d = project({ 'desired/schema.sql': BAD });
    const plan = await cli(['plan', '--fail-on', 'error'], d);
    expect(plan.stdout).toContain('+ table public.orders');
    expect(plan.stdout).toMatch(/Lint:\n[\s\S]*uuid-primary-key/);
    expect(plan.code).toBe(3);
  });
});
