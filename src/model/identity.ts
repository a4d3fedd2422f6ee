/**
 * Object identity: a structured union, never a dotted string. `public.a.b` is ambiguous;
 * `{ schema: 'public', table: 'a.b' }` is not. Names are raw (unquoted); quoting happens at render time.
 */
type Named<K extends string> = { readonly kind: K; readonly name: string };
type InSchema<K extends string> = { readonly kind: K; readonly schema: string; readonly name: string };
type OnTable<K extends string> = { readonly kind: K; readonly schema: string; readonly table: string; readonly name: string };

export type ObjectId =
  | Named<'schema'>
  | Named<'role'>
  | Named<'extension'>
  | InSchema<'table'>
  | InSchema<'view'>
  | InSchema<'matview'>
  | InSchema<'sequence'>
  | InSchema<'type'>
  | InSchema<'index'>
  | { readonly kind: 'function'; readonly schema: string; readonly name: string; readonly args: readonly string[] }
  | OnTable<'column'>
  | OnTable<'constraint'>
  | OnTable<'trigger'>
  | OnTable<'policy'>
  | { readonly kind: 'grant'; readonly on: ObjectId; readonly grantee: string; readonly column?: string }
  /** ALTER DEFAULT PRIVILEGES FOR ROLE role [IN SCHEMA schema] … ON objtype TO grantee; schema null: global. */
  | { readonly kind: 'defaultPrivilege'; readonly role: string; readonly schema: string | null; readonly objtype: DefaultPrivilegeType; readonly grantee: string };

/** pg_default_acl.defaclobjtype, spelled out. */
export type DefaultPrivilegeType = 'tables' | 'sequences' | 'functions' | 'types' | 'schemas';

export type ObjectKind = ObjectId['kind'];
export type IdOf<K extends ObjectKind> = Extract<ObjectId, { kind: K }>;

/** The only key codec: a stable, unambiguous string for maps and fingerprints. */
export function encodeId(id: ObjectId): string {
  return JSON.stringify(idParts(id));
}

function idParts(id: ObjectId): unknown[] {
  switch (id.kind) {
    case 'schema':
    case 'role':
    case 'extension':
      return [id.kind, id.name];
    case 'table':
    case 'view':
    case 'matview':
    case 'sequence':
    case 'type':
    case 'index':
      return [id.kind, id.schema, id.name];
    case 'function':
      return [id.kind, id.schema, id.name, ...id.args];
    case 'column':
    case 'constraint':
    case 'trigger':
    case 'policy':
      return [id.kind, id.schema, id.table, id.name];
    case 'grant':
      return [id.kind, idParts(id.on), id.grantee, id.column ?? null];
    case 'defaultPrivilege':
      return [id.kind, id.role, id.schema, id.objtype, id.grantee];
  }
}

/** Human-readable label for messages: `table public.users`, `column public.users.email`. */
export function describeId(id: ObjectId): string {
  switch (id.kind) {
    case 'schema':
    case 'role':
    case 'extension':
      return `${id.kind} ${id.name}`;
    case 'table':
    case 'view':
    case 'matview':
    case 'sequence':
    case 'type':
    case 'index':
      return `${id.kind} ${id.schema}.${id.name}`;
    case 'function':
      return `function ${id.schema}.${id.name}(${id.args.join(', ')})`;
    case 'column':
    case 'constraint':
    case 'trigger':
    case 'policy':
      return `${id.kind} ${id.schema}.${id.table}.${id.name}`;
    case 'grant':
      return `grant on ${describeId(id.on)}${id.column ? ` (${id.column})` : ''} to ${id.grantee}`;
    case 'defaultPrivilege':
      return `default privileges of ${id.role}${id.schema ? ` in schema ${id.schema}` : ''} on ${id.objtype} to ${id.grantee}`;
  }
}

/** The table a sub-object belongs to, if any. */
export function tableOf(id: ObjectId): IdOf<'table'> | null {
  switch (id.kind) {
    case 'column':
    case 'constraint':
    case 'trigger':
    case 'policy':
      return { kind: 'table' as const, schema: id.schema, name: id.table };
    default:
      return null;
  }
}

