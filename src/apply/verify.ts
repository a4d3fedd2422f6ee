import type { Queryable } from '../db/queryable.ts';
import { err, ok, type Result, type UserError } from '../errors.ts';
import { introspect, type CatalogCache } from '../introspect/introspect.ts';
import type { Catalog } from '../model/catalog.ts';
import { objectOf } from '../model/change.ts';
import { fingerprintCatalog } from '../model/fingerprint.ts';
import { describeId } from '../model/identity.ts';
import { makePlan, type PlanOptions } from '../plan/make-plan.ts';
import { isEmpty, type Plan } from '../plan/plan.ts';

/**
 * After an apply: the target, read again, must be the desired state — planning again yields nothing. Otherwise
 * the objects that did not converge are named. What is read is stored in `cache` for the next plan.
 */
export async function verifyConverged(db: Queryable, desired: Catalog, schemas: readonly string[], options: PlanOptions, cache?: CatalogCache): Promise<Result<void, UserError>> {
  const after = await introspect(db, { schemas, ...(cache ? { cache } : {}) });
  const replan = makePlan(after, desired, schemas, [], options);
  if (isEmpty(replan)) return ok(undefined);
  const objects = [...new Set(replan.steps.map((s) => describeId(objectOf(s.change).id)))];
  return err({ code: 'converge', message: `applied, but the target did not converge on the desired state: ${objects.join(', ')}`, hint: 'please report this plan: it is a schemaplan bug' });
}

/** After applying a saved plan: the target must now be the state the plan was made for (its desired fingerprint). */
export async function verifyReached(db: Queryable, plan: Plan): Promise<Result<void, UserError>> {
  if (fingerprintCatalog(await introspect(db, { schemas: plan.schemas })) === plan.targetFingerprint) return ok(undefined);
  return err({ code: 'converge', message: 'applied, but the target does not match the state the plan was made for', hint: 'run plan again to see what differs' });
}
