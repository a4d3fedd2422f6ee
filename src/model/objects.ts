import type { IdOf } from './identity.ts';

/**
 * Fields of a desired object in the form the plan writes them, built from the desired state's own text: set
 * only where Postgres' deparsed text of the field is not a fixpoint (executing it would store a different
 * expression, see desired/expression-sources.ts). Carried by the object it describes, so that it reaches every
 * place that renders the object (and the desired-catalog cache) with it; never diffed nor fingerprinted.
 */
export type WrittenAs<F extends string> = { readonly [K in F]?: string };

/**
 * One readonly interface per object kind. Every field is in Postgres' own normalized form, as read back
 * through the catalogs (pg_get_expr, pg_get_indexdef, format_type, …): we never normalize SQL by hand.
 * Fields listed in a kind's `ignoredFields` (e.g. column position) are informational and never diffed.
 */
interface Base<K extends keyof KindIds> {
  readonly kind: K;
  readonly id: KindIds[K];
  readonly comment: string | null;
}

interface KindIds {
  schema: IdOf<'schema'>;
  extension: IdOf<'extension'>;
  type: IdOf<'type'>;
  table: IdOf<'table'>;
  column: IdOf<'column'>;
  constraint: IdOf<'constraint'>;
  index: IdOf<'index'>;
  policy: IdOf<'policy'>;
  function: IdOf<'function'>;
  trigger: IdOf<'trigger'>;
  view: IdOf<'view'>;
  matview: IdOf<'matview'>;
  sequence: IdOf<'sequence'>;
  grant: IdOf<'grant'>;
  defaultPrivilege: IdOf<'defaultPrivilege'>;
}

export interface SchemaObject extends Base<'schema'> {
  readonly owner: string;
}

export interface ExtensionObject extends Base<'extension'> {
  readonly schema: string;
}

export type TypeVariant =
  | { readonly variant: 'enum'; readonly values: readonly string[] }
  | { readonly variant: 'domain'; readonly baseType: string; readonly notNull: boolean; readonly default: string | null; readonly collation: string | null; readonly checks: readonly { name: string; definition: string }[] }
  | { readonly variant: 'composite'; readonly attributes: readonly { name: string; type: string; collation: string | null }[]; readonly attributeComments: ColumnComments }
  | { readonly variant: 'range'; readonly subtype: string; readonly definition: string };

export type TypeObject = Base<'type'> & TypeVariant;

export interface TableObject extends Base<'table'> {
  readonly persistence: 'permanent' | 'unlogged';
  readonly rls: boolean;
  readonly forceRls: boolean;
  readonly options: readonly string[];
  /** `DEFAULT`, `FULL`, `NOTHING` or `USING INDEX name`, as written after REPLICA IDENTITY. */
  readonly replicaIdentity: string;
  /** `PARTITION BY …` key when this table is partitioned. */
  readonly partitionKey: string | null;
  /** Parent and bound when this table is a partition. */
  readonly partitionOf: { readonly schema: string; readonly name: string; readonly bound: string } | null;
  readonly inherits: readonly { readonly schema: string; readonly name: string }[];
}

export interface ColumnObject extends Base<'column'> {
  readonly position: number;
  readonly type: string;
  readonly notNull: boolean;
  readonly default: string | null;
  readonly identity: 'always' | 'byDefault' | null;
  /** The identity sequence's options (`START WITH 1 INCREMENT BY 1 … NO CYCLE`), when `identity` is set. */
  readonly identityOptions: string | null;
  readonly generated: string | null;
  readonly collation: string | null;
  /** `default`: the desired state's expression, parenthesized. */
  readonly source?: WrittenAs<'default'>;
}

export type ConstraintType = 'primaryKey' | 'foreignKey' | 'unique' | 'check' | 'exclusion';

export interface ConstraintObject extends Base<'constraint'> {
  readonly type: ConstraintType;
  /** pg_get_constraintdef: the whole definition, including NOT VALID and deferrability. */
  readonly definition: string;
  readonly columns: readonly string[];
  /** For foreign keys: the referenced table and columns. */
  readonly references: { readonly schema: string; readonly table: string; readonly columns: readonly string[] } | null;
  readonly validated: boolean;
  /**
   * A partition's PRIMARY KEY / UNIQUE / EXCLUDE whose index is attached to an index of the parent table: a plain
   * index (this constraint is then the partition's own), or the index of the parent's constraint (this constraint
   * is then inherited from it: Postgres creates and drops it with the partition or the parent's constraint).
   */
  readonly attachedTo: IdOf<'index'> | IdOf<'constraint'> | null;
  /** CHECK only. `definition`: pg_get_constraintdef's text with the expression as the desired state wrote it. */
  readonly source?: WrittenAs<'definition'>;
}

export interface IndexObject extends Base<'index'> {
  readonly table: string;
  /** pg_get_indexdef */
  readonly definition: string;
  readonly unique: boolean;
  readonly columns: readonly string[];
  readonly partial: boolean;
  /** A partition's index attached to its parent table's index (`ALTER INDEX parent ATTACH PARTITION this`). */
  readonly attachedTo: { readonly schema: string; readonly name: string } | null;
  /** `definition`: pg_get_indexdef's text with the expression elements and predicate as the desired state wrote them. */
  readonly source?: WrittenAs<'definition'>;
}

export interface PolicyObject extends Base<'policy'> {
  readonly permissive: boolean;
  readonly command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly withCheck: string | null;
  /** The expressions as the desired state wrote them. */
  readonly source?: WrittenAs<'using' | 'withCheck'>;
}

export interface FunctionObject extends Base<'function'> {
  readonly isProcedure: boolean;
  /** A plain aggregate: `definition` is its CREATE OR REPLACE AGGREGATE, assembled from pg_aggregate. */
  readonly isAggregate: boolean;
  readonly returns: string | null;
  /** pg_get_functiondef: the whole CREATE OR REPLACE statement. */
  readonly definition: string;
  readonly language: string;
  readonly securityDefiner: boolean;
  readonly volatility: 'immutable' | 'stable' | 'volatile';
  readonly config: readonly string[];
  /** Argument names and defaults, which CREATE OR REPLACE cannot change. */
  readonly argSignature: string;
}

export interface TriggerObject extends Base<'trigger'> {
  /** pg_get_triggerdef */
  readonly definition: string;
  readonly enabled: 'origin' | 'disabled' | 'replica' | 'always';
  readonly function: { readonly schema: string; readonly name: string };
}

export interface ViewObject extends Base<'view'> {
  /** pg_get_viewdef text, used to render DDL; compared through `canonical`. */
  readonly definition: string;
  /** Version-independent key of the query (see introspect/canonical.ts). */
  readonly canonical: string;
  readonly options: readonly string[];
  readonly columns: readonly { name: string; type: string }[];
  readonly columnComments: ColumnComments;
}

/** COMMENT ON COLUMN of a view's or materialized view's columns: column name → comment, by name, commented ones only. */
export type ColumnComments = Readonly<Record<string, string>>;

export interface MatviewObject extends Base<'matview'> {
  readonly definition: string;
  readonly canonical: string;
  readonly options: readonly string[];
  readonly columnComments: ColumnComments;
}

export interface SequenceObject extends Base<'sequence'> {
  readonly dataType: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  readonly ownedBy: { readonly table: string; readonly column: string } | null;
}

/** Privileges of one grantee (a role, or PUBLIC) on one object; `grantable`: those held WITH GRANT OPTION. */
export interface GrantObject extends Base<'grant'> {
  readonly privileges: readonly string[];
  readonly grantable: readonly string[];
}

/** Privileges future objects of one type get for one grantee (pg_default_acl), beyond the built-in default. */
export interface DefaultPrivilegeObject extends Base<'defaultPrivilege'> {
  readonly privileges: readonly string[];
  readonly grantable: readonly string[];
}

export type CatalogObject =
  | SchemaObject
  | ExtensionObject
  | TypeObject
  | TableObject
  | ColumnObject
  | ConstraintObject
  | IndexObject
  | PolicyObject
  | FunctionObject
  | TriggerObject
  | ViewObject
  | MatviewObject
  | SequenceObject
  | GrantObject
  | DefaultPrivilegeObject;

export type CatalogKind = CatalogObject['kind'];
export type ObjectOfKind<K extends CatalogKind> = Extract<CatalogObject, { kind: K }>;
