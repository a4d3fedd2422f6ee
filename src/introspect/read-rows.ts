import { canonicalQuery } from './canonical.ts';
import type {
  ColumnObject,
  ConstraintObject,
  ConstraintType,
  ExtensionObject,
  FunctionObject,
  IndexObject,
  MatviewObject,
  PolicyObject,
  SchemaObject,
  SequenceObject,
  TableObject,
  TriggerObject,
  TypeObject,
  ViewObject,
} from '../model/objects.ts';

/** Row → object converters, one per catalog query. Rows are typed loosely: the SQL files are the contract. */
type Row = Record<string, any>;

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const arr = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : parsePgArray(String(v ?? '{}')));

/** Fallback for drivers that hand back `{a,b}` text for arrays. */
function parsePgArray(text: string): string[] {
  const inner = text.replace(/^\{|\}$/g, '');
  if (!inner) return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (quoted) {
      if (ch === '\\') cur += inner[++i] ?? '';
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export const readSchema = (r: Row): SchemaObject => ({
  kind: 'schema',
  id: { kind: 'schema', name: r.name },
  comment: r.comment ?? null,
  owner: r.owner,
});

export const readExtension = (r: Row): ExtensionObject => ({
  kind: 'extension',
  id: { kind: 'extension', name: r.name },
  comment: r.comment ?? null,
  schema: r.schema,
});

export function readType(r: Row): TypeObject {
  const base = { kind: 'type' as const, id: { kind: 'type' as const, schema: r.schema, name: r.name }, comment: r.comment ?? null };
  switch (r.typtype) {
    case 'e':
      return { ...base, variant: 'enum', values: arr(r.enum_values) };
    case 'd':
      return {
        ...base,
        variant: 'domain',
        baseType: r.base_type,
        notNull: r.not_null,
        default: r.default_expr ?? null,
        collation: r.collation ?? null,
        checks: json<{ name: string; definition: string }[]>(r.checks),
      };
    case 'c':
      return { ...base, variant: 'composite', attributes: json(r.attributes), attributeComments: json(r.attribute_comments) };
    default:
      return { ...base, variant: 'range', subtype: r.subtype, definition: r.range_definition };
  }
}

export const readTable = (r: Row): TableObject => ({
  kind: 'table',
  id: { kind: 'table', schema: r.schema, name: r.name },
  comment: r.comment ?? null,
  persistence: r.persistence === 'u' ? 'unlogged' : 'permanent',
  rls: r.rls,
  forceRls: r.force_rls,
  options: arr(r.options).sort(),
  replicaIdentity: r.replica_identity ?? 'DEFAULT',
  partitionKey: r.partition_key ?? null,
  partitionOf: r.partition_of ? json(r.partition_of) : null,
  inherits: json(r.inherits),
});

const IDENTITY = { a: 'always', d: 'byDefault' } as const;

export const readColumn = (r: Row): ColumnObject => ({
  kind: 'column',
  id: { kind: 'column', schema: r.schema, table: r.table, name: r.name },
  comment: r.comment ?? null,
  position: Number(r.position),
  type: r.type,
  notNull: r.not_null,
  default: r.default_expr ?? null,
  identity: IDENTITY[r.identity as 'a' | 'd'] ?? null,
  identityOptions: r.identity_options ?? null,
  generated: r.generated ?? null,
  collation: r.collation ?? null,
});

const CONSTRAINT: Record<string, ConstraintType> = {
  p: 'primaryKey',
  f: 'foreignKey',
  u: 'unique',
  c: 'check',
  x: 'exclusion',
};

/** A key's index storage parameters, where CREATE TABLE and ADD CONSTRAINT take them: before its deferrability. */
function withIndexOptions(definition: string, options: string | null): string {
  if (!options) return definition;
  const at = definition.search(/ (?:NOT )?DEFERRABLE| INITIALLY /);
  return at < 0 ? `${definition} WITH (${options})` : `${definition.slice(0, at)} WITH (${options})${definition.slice(at)}`;
}

export const readConstraint = (r: Row): ConstraintObject => ({
  kind: 'constraint',
  id: { kind: 'constraint', schema: r.schema, table: r.table, name: r.name },
  comment: r.comment ?? null,
  type: CONSTRAINT[r.contype]!,
  definition: withIndexOptions(r.definition, r.index_options ?? null),
  columns: arr(r.columns),
  references: r.refs ? json(r.refs) : null,
  validated: r.validated,
  attachedTo: r.attached_to ? json(r.attached_to) : null,
});

export const readIndex = (r: Row): IndexObject => ({
  kind: 'index',
  id: { kind: 'index', schema: r.schema, name: r.name },
  comment: r.comment ?? null,
  table: r.table,
  definition: r.definition,
  unique: r.is_unique,
  columns: arr(r.columns),
  partial: r.partial,
  attachedTo: r.attached_to ? json(r.attached_to) : null,
});

const COMMAND = { '*': 'all', r: 'select', a: 'insert', w: 'update', d: 'delete' } as const;

export const readPolicy = (r: Row): PolicyObject => ({
  kind: 'policy',
  id: { kind: 'policy', schema: r.schema, table: r.table, name: r.name },
  comment: r.comment ?? null,
  permissive: r.permissive,
  command: COMMAND[r.command as keyof typeof COMMAND],
  roles: arr(r.roles),
  using: r.using_expr ?? null,
  withCheck: r.check_expr ?? null,
});

const VOLATILITY = { i: 'immutable', s: 'stable', v: 'volatile' } as const;

export const readFunction = (r: Row): FunctionObject => ({
  kind: 'function',
  id: { kind: 'function', schema: r.schema, name: r.name, args: arr(r.args) },
  comment: r.comment ?? null,
  isProcedure: r.is_procedure,
  isAggregate: r.is_aggregate,
  returns: r.returns ?? null,
  definition: r.definition,
  language: r.language,
  securityDefiner: r.security_definer,
  volatility: VOLATILITY[r.volatility as keyof typeof VOLATILITY],
  config: arr(r.config),
  argSignature: r.arg_signature,
});

const ENABLED = { O: 'origin', D: 'disabled', R: 'replica', A: 'always' } as const;

export const readTrigger = (r: Row): TriggerObject => ({
  kind: 'trigger',
  id: { kind: 'trigger', schema: r.schema, table: r.table, name: r.name },
  comment: r.comment ?? null,
  definition: r.definition,
  enabled: ENABLED[r.enabled as keyof typeof ENABLED],
  function: { schema: r.function_schema, name: r.function_name },
});

export function readView(r: Row): ViewObject | MatviewObject {
  if (r.relkind === 'm') {
    return {
      kind: 'matview',
      id: { kind: 'matview', schema: r.schema, name: r.name },
      comment: r.comment ?? null,
      definition: r.definition,
      canonical: canonicalQuery(r.definition),
      options: arr(r.options).sort(),
      columnComments: json(r.column_comments),
    };
  }
  return {
    kind: 'view',
    id: { kind: 'view', schema: r.schema, name: r.name },
    comment: r.comment ?? null,
    definition: r.definition,
    canonical: canonicalQuery(r.definition),
    options: arr(r.options).sort(),
    columns: json(r.columns),
    columnComments: json(r.column_comments),
  };
}

export const readSequence = (r: Row): SequenceObject => ({
  kind: 'sequence',
  id: { kind: 'sequence', schema: r.schema, name: r.name },
  comment: r.comment ?? null,
  dataType: r.data_type,
  start: r.start,
  increment: r.increment,
  min: r.min,
  max: r.max,
  cache: r.cache,
  cycle: r.cycle,
  ownedBy: r.owned_by ? json(r.owned_by) : null,
});
