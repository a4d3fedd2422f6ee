import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPlan } from '../../src/apply/apply.ts';
import type { Queryable } from '../../src/db/queryable.ts';
import { defaultConfig, type Config } from '../../src/config/config.ts';
import { introspect } from '../../src/introspect/introspect.ts';
import { fingerprintCatalog } from '../../src/model/fingerprint.ts';
import { makePlan } from '../../src/plan/make-plan.ts';
import { statementsOf, type Plan } from '../../src/plan/plan.ts';
import { formatUserError } from '../../src/errors.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';
import { createTestDb, SERVER_URL } from './db.ts';

export function desiredFile(sql: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sp-desired-'));
  const file = path.join(dir, 'schema.sql');
  writeFileSync(file, sql);
  return file;
}

export interface Roundtrip {
  readonly plan: Plan;
  readonly sql: string[];
  readonly replan: Plan;
  /** What `inspect` read from the target after the apply. */
  readonly inspected: unknown;
}

/** Builds `from` on a fresh server database, plans to `to`, applies, and plans again. */
export async function roundtrip(
  from: string,
  to: string,
  opts: { devUrl?: string | null; config?: Partial<Config>; prefix?: string; inspect?: (db: Queryable) => Promise<unknown> } = {},
): Promise<Roundtrip> {
  const t = await createTestDb(opts.prefix ?? 'sp_rt_', from);
  try {
    const config = { ...defaultConfig(process.cwd()), ...opts.config };
    const devUrl = opts.devUrl === null ? undefined : (opts.devUrl ?? SERVER_URL);
    const prepared = await preparePlan({ config, desiredPath: desiredFile(to), target: { kind: 'url', url: t.url }, devUrl, noCache: true });
    if (!prepared.ok) throw new Error(formatUserError(prepared.error));
    const { plan, target, desired, schemas } = prepared.value;
    try {
      const applied = await applyPlan(target.db, plan, {
        lockTimeout: '5s',
        statementTimeout: '0',
        currentFingerprint: async () => fingerprintCatalog(await introspect(target.db, { schemas })),
      });
      if (!applied.ok) throw new Error(`${formatUserError(applied.error)}\n${statementsOf(plan).map((s) => s.sql).join(';\n')}`);
      const replan = makePlan(await introspect(target.db, { schemas }), desired.catalog, schemas, [], { manageRoles: config.roles.manage });
      const inspected = await opts.inspect?.(target.db);
      return { plan, sql: statementsOf(plan).map((s) => s.sql), replan, inspected };
    } finally {
      await target.dispose();
    }
  } finally {
    await t.drop();
  }
}
