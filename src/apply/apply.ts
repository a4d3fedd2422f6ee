import type { Queryable } from '../db/queryable.ts';
import { asDbError } from '../db/queryable.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
import type { Statement } from '../model/change.ts';
import { statementsOf, type Plan } from '../plan/plan.ts';
import { literal } from '../sql/quote.ts';

export interface ApplyOptions {
  readonly lockTimeout: string;
  readonly statementTimeout: string;
  /** Fingerprint of the target right now (read after taking the advisory lock). */
  readonly currentFingerprint: () => Promise<string>;
  readonly onStatement?: (s: Statement, index: number, total: number) => void;
}

/**
 * The steps that lose data, whatever their change: a table recreated for a new partition key is dropped as surely
 * as a removed one. apply refuses a plan with any unless it is allowed (`--allow-destructive`).
 */
export function stepsLosingData(plan: Plan): Plan['steps'] {
  return plan.steps.filter((s) => s.statements.some((x) => x.hazards.some((h) => h.code === 'data-loss')));
}

/** One advisory lock key for every schemaplan apply: two applies never interleave. */
const LOCK_KEY = `hashtext('schemaplan.apply')`;

/**
 * Runs a plan: under an advisory lock, refusing if the target drifted since planning, in as few transactions
 * as the statements allow (all of them in one, unless some cannot run in a transaction: those run alone).
 * A failure rolls its transaction back, so the database is left as it was.
 */
export async function applyPlan(db: Queryable, plan: Plan, opts: ApplyOptions): Promise<Result<{ statements: number; segments: number }, UserError>> {
  const statements = statementsOf(plan);
  const locked = await db.query<{ ok: boolean }>(`select pg_try_advisory_lock(${LOCK_KEY}) as ok`);
  if (!locked.rows[0]?.ok) return err({ code: 'apply', message: 'another schemaplan apply is running against this database', hint: 'wait for it to finish and plan again' });
  try {
    const now = await opts.currentFingerprint();
    if (now !== plan.sourceFingerprint) {
      return err({ code: 'drift', message: 'the target changed since this plan was made; nothing was applied', hint: 'run plan again and review the new plan' });
    }
    const segments = segment(statements);
    let done = 0;
    for (const seg of segments) {
      const r = await runSegment(db, seg, opts, done, statements.length);
      if (!r.ok) {
        const appliedNote = done > 0 ? ` (${done} statement${done === 1 ? '' : 's'} in earlier non-transactional steps stay applied)` : '';
        return err({ ...r.error, message: r.error.message + appliedNote });
      }
      done += seg.statements.length;
    }
    return ok({ statements: statements.length, segments: segments.length });
  } finally {
    await db.query(`select pg_advisory_unlock(${LOCK_KEY})`).catch(() => {});
  }
}

interface Segment {
  readonly transactional: boolean;
  readonly statements: Statement[];
}

function segment(statements: readonly Statement[]): Segment[] {
  const out: Segment[] = [];
  // Enum values that the plan uses must be committed first (see make-plan.ts); they lead.
  const isEnumValue = (s: Statement) => !s.transactional && /^ALTER TYPE .+ ADD VALUE /.test(s.sql);
  const ordered = [...statements.filter(isEnumValue), ...statements.filter((s) => !isEnumValue(s))];
  for (const s of ordered) {
    const last = out[out.length - 1];
    if (s.transactional && last?.transactional) last.statements.push(s);
    else out.push({ transactional: s.transactional, statements: [s] });
  }
  return out;
}

async function runSegment(db: Queryable, seg: Segment, opts: ApplyOptions, offset: number, total: number): Promise<Result<void, UserError>> {
  if (seg.transactional) await db.exec('BEGIN');
  try {
    if (seg.transactional) {
      await db.exec(`SET LOCAL lock_timeout = ${literal(opts.lockTimeout)}`);
      await db.exec(`SET LOCAL statement_timeout = ${literal(opts.statementTimeout)}`);
      // Function bodies may name tables created later in the plan (as pg_dump output does); they are
      // checked when called, exactly as in the shadow where the desired state was loaded.
      await db.exec('SET LOCAL check_function_bodies = false');
    } else {
      // A statement committed on its own (an enum value) waits no longer for a lock than the rest would.
      await db.exec(`SET lock_timeout = ${literal(opts.lockTimeout)}; SET statement_timeout = ${literal(opts.statementTimeout)}`);
    }
    for (let i = 0; i < seg.statements.length; i++) {
      const s = seg.statements[i]!;
      opts.onStatement?.(s, offset + i, total);
      try {
        await db.exec(s.sql);
      } catch (e) {
        const d = asDbError(e);
        if (seg.transactional) await db.exec('ROLLBACK').catch(() => {});
        const timedOut = d.code === '55P03' ? 'lock_timeout reached: another session holds a lock on this object' : null;
        return err({
          code: 'apply',
          message: `statement ${offset + i + 1} of ${total} failed: ${d.message}; the transaction was rolled back`,
          object: s.sql.split('\n')[0],
          ...(timedOut ? { hint: `${timedOut} (apply.lockTimeout is ${opts.lockTimeout})` } : d.hint ? { hint: d.hint } : d.detail ? { hint: d.detail } : {}),
        });
      }
    }
    if (seg.transactional) await db.exec('COMMIT');
    return ok(undefined);
  } catch (e) {
    if (seg.transactional) await db.exec('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    if (!seg.transactional) await db.exec('RESET lock_timeout; RESET statement_timeout').catch(() => {});
  }
}
