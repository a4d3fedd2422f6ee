import type { Catalog } from '../model/catalog.ts';
import type { Statement } from '../model/change.ts';
import type { CatalogKind, ObjectOfKind } from '../model/objects.ts';

export interface DdlContext {
  /** The target as it is now. */
  readonly current: Catalog;
  /** The desired state. */
  readonly desired: Catalog;
}

/**
 * Everything schemaplan knows about one kind of object: how to create, drop and alter it, which fields
 * can change in place (any other changed field means drop + create), and the locks and hazards involved.
 */
export interface KindModule<K extends CatalogKind> {
  readonly kind: K;
  /** Tie-break when dependencies do not decide the order: lower creates first, drops last. */
  readonly weight: number;
  /** Fields that `alter` can change in place. */
  readonly alterable: readonly string[];
  /**
   * A change of alterable fields that `alter` still cannot make (an enum losing a value, a policy losing its
   * USING): the object is replaced instead.
   */
  mustReplace?(from: ObjectOfKind<K>, to: ObjectOfKind<K>, fields: readonly string[], current: Catalog): boolean;
  /**
   * What an object is apart from its name: an object dropped under one name and created under another with the
   * same shape was renamed (its table was, and Postgres kept the old generated name). null: never paired.
   */
  renameShape?(o: ObjectOfKind<K>): string | null;
  create(o: ObjectOfKind<K>, ctx: DdlContext): Statement[];
  drop(o: ObjectOfKind<K>, ctx: DdlContext): Statement[];
  alter(from: ObjectOfKind<K>, to: ObjectOfKind<K>, fields: readonly string[], ctx: DdlContext): Statement[];
  /** A declared rename (tables and columns), or the rename that follows one (their constraints and indexes). */
  rename?(from: ObjectOfKind<K>, to: ObjectOfKind<K>): Statement[];
  /** Statements that must wait until everything else exists (e.g. `ALTER SEQUENCE … OWNED BY`). */
  after?(o: ObjectOfKind<K>, ctx: DdlContext): Statement[];
  /**
   * Parts of an in-place change that cannot run with the rest: `release` in the drop phase, before what the
   * object lets go of is dropped (a sequence leaving the column that owns it); `deferred` after everything else.
   */
  alterPhases?(from: ObjectOfKind<K>, to: ObjectOfKind<K>, fields: readonly string[], ctx: DdlContext): { release: Statement[]; deferred: Statement[] };
  /**
   * The kinds of dependent objects that an in-place change of these fields requires to be dropped and recreated
   * (views over a column whose type changes, indexes over an immutable function whose body changes); null: none.
   */
  alterRecreatesDependents?(from: ObjectOfKind<K>, to: ObjectOfKind<K>, fields: readonly string[]): ReadonlySet<CatalogKind> | null;
  /**
   * Custom replacement (e.g. an enum losing a value), used instead of drop + create when defined: `before` in the
   * drop phase, `after` where the create would be, and `cleanup` (dropping what the replacement left behind, such
   * as the old type renamed away) once everything that used the old object has moved on: domains and composite
   * types over it are rebuilt around their own columns first.
   */
  replace?(from: ObjectOfKind<K>, to: ObjectOfKind<K>, ctx: DdlContext): { before: Statement[]; after: Statement[]; cleanup?: Statement[] } | null;
  /**
   * How this object lets go of something it depends on while that thing is rebuilt (a column's default
   * calling a replaced function): the statements, and the object as it is meanwhile. The plan then alters
   * it from that state to the desired one. Without it, dependents are dropped and recreated.
   */
  detach?(o: ObjectOfKind<K>): { statements: Statement[]; detached: ObjectOfKind<K> } | null;
}
