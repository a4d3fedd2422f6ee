import { buildCatalog, type Catalog } from '../../../src/model/catalog.ts';
import type { CatalogObject, ColumnObject, ConstraintObject, PolicyObject, TableObject } from '../../../src/model/objects.ts';

/** Small hand-built catalogs for engine and reporter tests (rule tests use real databases). */
export function table(name: string, extra: Partial<TableObject> = {}, schema = 'public'): TableObject {
  return { kind: 'table', id: { kind: 'table', schema, name }, comment: null, persistence: 'permanent', rls: true, forceRls: false, options: [], replicaIdentity: 'DEFAULT', partitionKey: null, partitionOf: null, inherits: [], ...extra };
}

export function column(tableName: string, name: string, type: string, position: number, extra: Partial<ColumnObject> = {}, schema = 'public'): ColumnObject {
  return { kind: 'column', id: { kind: 'column', schema, table: tableName, name }, comment: null, position, type, notNull: false, default: null, identity: null, identityOptions: null, generated: null, collation: null, ...extra };
}

export function primaryKey(tableName: string, columns: string[], schema = 'public'): ConstraintObject {
  return { kind: 'constraint', id: { kind: 'constraint', schema, table: tableName, name: `${tableName}_pkey` }, comment: null, type: 'primaryKey', definition: `PRIMARY KEY (${columns.join(', ')})`, columns, references: null, validated: true, attachedTo: null };
}

export function policy(tableName: string, name: string, extra: Partial<PolicyObject> = {}, schema = 'public'): PolicyObject {
  return { kind: 'policy', id: { kind: 'policy', schema, table: tableName, name }, comment: null, permissive: true, command: 'all', roles: ['authenticated'], using: 'true', withCheck: null, ...extra };
}

export function catalogOf(...objects: CatalogObject[]): Catalog {
  return buildCatalog(objects, [], 150000);
}

/** users(id bigint) without RLS: two rule findings (rls-enabled, uuid-primary-key) to drive engine tests. */
export function smallCatalog(): Catalog {
  return catalogOf(
    { kind: 'schema', id: { kind: 'schema', name: 'public' }, comment: null, owner: 'postgres' },
    table('users', { rls: false }),
    column('users', 'id', 'bigint', 1, { notNull: true, identity: 'always' }),
    primaryKey('users', ['id']),
    table('legacy_things', { rls: false }),
  );
}
