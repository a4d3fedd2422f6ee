import { childrenOf, ofKind, type Catalog } from '../model/catalog.ts';
import type { IdOf, ObjectId } from '../model/identity.ts';
import type { ColumnObject, ConstraintObject, IndexObject, ObjectOfKind, PolicyObject, TableObject, TriggerObject } from '../model/objects.ts';
import { qualified } from '../sql/quote.ts';

/** Ordinary tables (not partitions: they inherit their parent's shape) in the judged schemas. */
export function appTables(catalog: Catalog, schemas: readonly string[]): TableObject[] {
  return ofKind(catalog, 'table')
    .filter((t) => schemas.includes(t.id.schema) && !t.partitionOf)
    .sort((a, b) => a.id.schema.localeCompare(b.id.schema) || a.id.name.localeCompare(b.id.name));
}

function kids<K extends 'column' | 'constraint' | 'index' | 'policy' | 'trigger'>(catalog: Catalog, table: ObjectId, kind: K): ObjectOfKind<K>[] {
  return childrenOf(catalog, table).filter((c): c is ObjectOfKind<K> => c.kind === kind);
}

export const columnsOf = (c: Catalog, t: ObjectId): ColumnObject[] => kids(c, t, 'column').sort((a, b) => a.position - b.position);
export const constraintsOf = (c: Catalog, t: ObjectId): ConstraintObject[] => kids(c, t, 'constraint');
export const indexesOf = (c: Catalog, t: ObjectId): IndexObject[] => kids(c, t, 'index');
export const policiesOf = (c: Catalog, t: ObjectId): PolicyObject[] => kids(c, t, 'policy');
export const triggersOf = (c: Catalog, t: ObjectId): TriggerObject[] => kids(c, t, 'trigger');

export function foreignKeys(catalog: Catalog, schemas: readonly string[]): ConstraintObject[] {
  return ofKind(catalog, 'constraint').filter((c) => c.type === 'foreignKey' && schemas.includes(c.id.schema));
}

export function tableIdOf(o: { id: { schema: string; table: string } }): IdOf<'table'> {
  return { kind: 'table', schema: o.id.schema, name: o.id.table };
}

export const tableSql = (t: { schema: string; name: string }) => qualified(t.schema, t.name);

/** Grants whose target is `on`; empty when the catalog was read without privileges. */
export function grantsOn(catalog: Catalog, on: ObjectId): ObjectOfKind<'grant'>[] {
  const key = JSON.stringify(on);
  return ofKind(catalog, 'grant').filter((g) => JSON.stringify(g.id.on) === key && !g.id.column);
}

export const hasGrants = (catalog: Catalog) => ofKind(catalog, 'grant').length > 0;

/**
 * Who may do what on `on`: the catalog holds grants only where they depart from Postgres' built-in privileges
 * (introspect/queries/grant.sql), so the built-in ones still standing are added back — a function or procedure
 * nobody revoked is executable by PUBLIC.
 */
export function privilegesOn(catalog: Catalog, on: ObjectId): { grantee: string; privileges: readonly string[] }[] {
  const granted = grantsOn(catalog, on).map((g) => ({ grantee: g.id.grantee, privileges: g.privileges }));
  const builtIn = on.kind === 'function' ? [{ grantee: 'PUBLIC', privileges: ['EXECUTE'] }] : [];
  for (const d of builtIn) if (!granted.some((g) => g.grantee.toLowerCase() === d.grantee.toLowerCase())) granted.push(d);
  return granted;
}

// --- names ---------------------------------------------------------------------------------------------

export const isCamelCase = (s: string) => /^[a-z][a-zA-Z0-9]*$/.test(s);
export const isSnakeCase = (s: string) => /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(s);
export const isPascalCase = (s: string) => /^[A-Z][a-zA-Z0-9]*$/.test(s);

export function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export const toSnake = (s: string) => words(s).join('_');
export const toCamel = (s: string) => words(s).map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');
export const toPascal = (s: string) => words(s).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

/** English singular, good enough for table names (`audit_logs`→`audit_log`, `categories`→`category`). */
export function singular(w: string): string {
  if (/ies$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(sses|uses|xes|ches|shes|zes)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && w.length > 1) return w.slice(0, -1);
  return w;
}

export function plural(w: string): string {
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(s|x|ch|sh|z)$/.test(w)) return `${w}es`;
  return `${w}s`;
}

/** The last word decides plurality: `workflow_runs` is plural, `user_settings` is plural too. */
export function isPlural(name: string): boolean {
  const last = words(name).at(-1) ?? '';
  return singular(last) !== last;
}

// --- policies --------------------------------------------------------------------------------------------

const ROLE_TEST = String.raw`(?:auth\.role\(\)|\(?auth\.jwt\(\)\s*->>\s*'role'(?:::text)?\)?|CURRENT_USER|CURRENT_ROLE|current_user|current_role)`;

/** `(auth.role() = 'service_role'::text)` → 'service_role': a policy expression that only tests the caller's role. */
function roleTested(expr: string | null): string | null {
  if (expr === null) return null;
  let e = expr.trim();
  while (e.startsWith('(') && e.endsWith(')')) e = e.slice(1, -1).trim();
  const m = new RegExp(String.raw`^${ROLE_TEST}\s*=\s*'([^']+)'(?:::[\w ]+)?$`).exec(e) ?? new RegExp(String.raw`^'([^']+)'(?:::[\w ]+)?\s*=\s*${ROLE_TEST}$`).exec(e);
  return m ? m[1]! : null;
}

/**
 * A policy that only ever admits roles which bypass RLS anyway: `TO service_role`, or `USING (auth.role() =
 * 'service_role')`. Such a policy never changes what anyone can see.
 */
export function bypassOnly(p: { roles: readonly string[]; using: string | null; withCheck: string | null }, bypassRoles: readonly string[]): string | null {
  if (p.roles.length && p.roles.every((r) => bypassRoles.includes(r))) return p.roles.join(', ');
  const tested = roleTested(p.using ?? p.withCheck);
  if (tested && bypassRoles.includes(tested) && (p.withCheck === null || roleTested(p.withCheck) === tested)) return tested;
  return null;
}
