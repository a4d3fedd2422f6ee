import type { SourceLocation } from '../../errors.ts';
import type { Path } from './locate.ts';
import type {
  AbsorbDef,
  CheckDef,
  ColumnDef,
  ForeignKeyDef,
  IndexDef,
  IndexElement,
  KeyDef,
  PolicyDef,
  QName,
  TableDef,
} from './model.ts';
import { defaultName } from './naming.ts';
import { resolveAbsorb, resolvePolicy } from './resolve-access.ts';
import type { ResolveContext } from './resolve-context.ts';
import { resolveIndex } from './resolve-index.ts';
import type { TableSpec } from './schema.ts';

type ColumnObject = Exclude<NonNullable<TableSpec['columns']>[string], string>;

/** Collected while walking one table; column-level keys, uniques, checks and FKs land here too. */
interface Parts {
  readonly id: QName;
  readonly base: Path;
  readonly columns: ColumnDef[];
  readonly pkColumns: { name: string; location: SourceLocation }[];
  readonly uniques: KeyDef[];
  readonly checks: CheckDef[];
  readonly foreignKeys: ForeignKeyDef[];
}

/** One `tables:` entry → a TableDef with conventions expanded; problems go to the context. */
export function resolveTable(key: string, spec: TableSpec, ctx: ResolveContext): TableDef | undefined {
  const base: Path = ['tables', key];
  const id = ctx.qname(key, base, true);
  if (!id) return undefined;
  const location = ctx.where.keyAt(base);
  const parts: Parts = { id, base, columns: [], pkColumns: [], uniques: [], checks: [], foreignKeys: [] };

  // `id:` owns its column; `timestamps:` columns may be written out (to rename or comment them), and then
  // the written definition is used instead of the generated one.
  const conventional = new Map<string, string>();
  if (spec.id) conventional.set('id', `id: ${spec.id}`);

  if (spec.id === 'uuid') {
    parts.columns.push(conventionColumn('id', 'uuid', 'gen_random_uuid()', ctx.where.at([...base, 'id'])));
  } else if (spec.id === 'bigint') {
    parts.columns.push({ ...conventionColumn('id', 'bigint', undefined, ctx.where.at([...base, 'id'])), identity: 'always' });
  }
  if (spec.id) parts.pkColumns.push({ name: 'id', location: ctx.where.at([...base, 'id']) });

  for (const [name, raw] of Object.entries(spec.columns ?? {})) {
    const path = [...base, 'columns', name];
    const by = conventional.get(name);
    if (by) {
      ctx.fail(`column "${name}" is already defined by \`${by}\``, path, { onKey: true });
      continue;
    }
    resolveColumn(name, typeof raw === 'string' ? shorthand(raw) : raw, path, parts, ctx);
  }
  if (spec.timestamps) {
    const at = ctx.where.at([...base, 'timestamps']);
    for (const c of ['createdAt', 'updatedAt']) {
      if (!spec.columns?.[c]) parts.columns.push(conventionColumn(c, 'timestamptz', 'now()', at));
    }
  }
  if (parts.columns.length === 0) ctx.fail(`table ${id.schema}.${id.name} has no columns`, base, { onKey: true });

  const known = new Set(parts.columns.map((c) => c.name));
  const primaryKey = resolvePrimaryKey(spec, parts, known, ctx);

  spec.unique?.forEach((u, i) => parts.uniques.push(resolveUnique(u, [...base, 'unique', i], id, known, ctx)));
  for (const [name, expression] of Object.entries(spec.checks ?? {})) {
    const path = [...base, 'checks', name];
    parts.checks.push({ name, expression: ctx.expression(expression, path), location: ctx.where.keyAt(path) });
  }
  spec.foreignKeys?.forEach((fk, i) => {
    const def = resolveForeignKey(fk, [...base, 'foreignKeys', i], id, known, ctx);
    if (def) parts.foreignKeys.push(def);
  });
  checkConstraintNames(parts, primaryKey, ctx);

  const indexes = (spec.indexes ?? []).flatMap((ix, i) => resolveIndex(ix, [...base, 'indexes', i], id, known, ctx) ?? []);
  const policies = Object.entries(spec.policies ?? {}).map(([name, p]) => resolvePolicy(name, p, [...base, 'policies', name], ctx));
  const absorbs = (spec.absorbs ?? []).flatMap((a, i) => resolveAbsorb(a, [...base, 'absorbs', i], id, parts.columns, ctx) ?? []);

  return {
    id,
    location,
    columns: parts.columns,
    ...(primaryKey ? { primaryKey } : {}),
    uniques: parts.uniques,
    checks: parts.checks,
    foreignKeys: parts.foreignKeys,
    indexes,
    ...(spec.rls ? { rls: { mode: spec.rls, location: ctx.where.at([...base, 'rls']) } } : {}),
    policies,
    ...(spec.timestamps ? { updatedAtTrigger: ctx.where.at([...base, 'timestamps']) } : {}),
    ...(spec.comment !== undefined ? { comment: spec.comment } : {}),
    ...(spec.renamedFrom ? { renamedFrom: spec.renamedFrom } : {}),
    suppressions: ctx.suppressions(spec.lintIgnore, [...base, 'lintIgnore']),
    absorbs,
  };
}

/** `text` is NOT NULL, `text?` is nullable. */
function shorthand(text: string): ColumnObject {
  const t = text.trim();
  return t.endsWith('?') ? { type: t.slice(0, -1), nullable: true } : { type: t };
}

function conventionColumn(name: string, type: string, dflt: string | undefined, location: SourceLocation): ColumnDef {
  return { name, type, notNull: true, ...(dflt ? { default: dflt } : {}), suppressions: [], location };
}

function resolveColumn(name: string, c: ColumnObject, path: Path, parts: Parts, ctx: ResolveContext): void {
  const table = parts.id.name;
  const location = ctx.where.keyAt(path);
  const at = (key: string): Path => [...path, key];
  if (c.identity && (c.default !== undefined || c.generated)) {
    ctx.fail('an identity column cannot also have a default or be generated', at('identity'), { onKey: true });
  }
  if (c.generated && c.default !== undefined) {
    ctx.fail('a generated column cannot also have a default', at('generated'), { onKey: true });
  }
  if (c.nullable && c.primaryKey) ctx.fail('a primary key column cannot be nullable', at('nullable'), { onKey: true });
  if ((c.onDelete || c.onUpdate) && !c.references) {
    ctx.fail('onDelete/onUpdate need `references`', at(c.onDelete ? 'onDelete' : 'onUpdate'), { onKey: true });
  }
  const suppressions = ctx.suppressions(c.lintIgnore, at('lintIgnore'));
  const type = ctx.type(c.type, at('type'));
  const dflt = c.default === undefined ? undefined : ctx.default(c.default, type.enum, at('default'));
  parts.columns.push({
    name,
    type: type.sql,
    notNull: !c.nullable,
    ...(dflt !== undefined ? { default: dflt } : {}),
    ...(c.identity ? { identity: c.identity } : {}),
    ...(c.generated ? { generated: ctx.expression(c.generated, at('generated')) } : {}),
    ...(c.comment !== undefined ? { comment: c.comment } : {}),
    ...(c.renamedFrom ? { renamedFrom: c.renamedFrom } : {}),
    suppressions,
    location,
  });
  if (c.primaryKey) parts.pkColumns.push({ name, location: ctx.where.keyAt(at('primaryKey')) });
  if (c.unique) {
    parts.uniques.push({ name: defaultName(table, [name], 'key'), columns: [name], suppressions, location: ctx.where.keyAt(at('unique')) });
  }
  if (c.check) {
    parts.checks.push({ name: defaultName(table, [name], 'check'), expression: ctx.expression(c.check, at('check')), location: ctx.where.keyAt(at('check')) });
  }
  if (c.references) {
    const ref = ctx.reference(c.references, at('references'));
    if (!ref) return;
    parts.foreignKeys.push({
      name: defaultName(table, [name], 'fkey'),
      columns: [name],
      table: ref.table,
      ...(ref.column ? { refColumns: [ref.column] } : {}),
      ...(c.onDelete ? { onDelete: c.onDelete } : {}),
      ...(c.onUpdate ? { onUpdate: c.onUpdate } : {}),
      suppressions,
      location: ctx.where.at(at('references')),
    });
  }
}

function resolvePrimaryKey(spec: TableSpec, parts: Parts, known: ReadonlySet<string>, ctx: ResolveContext): KeyDef | undefined {
  const name = defaultName(parts.id.name, null, 'pkey');
  if (spec.primaryKey) {
    const path = [...parts.base, 'primaryKey'];
    if (parts.pkColumns.length) {
      ctx.fail('primary key declared twice (here and by `id:` or `primaryKey: true` on a column)', path, { onKey: true });
    }
    spec.primaryKey.forEach((c, i) => ctx.known(c, known, [...path, i], `table ${parts.id.schema}.${parts.id.name}`));
    return { name, columns: spec.primaryKey, suppressions: [], location: ctx.where.at(path) };
  }
  const first = parts.pkColumns[0];
  if (!first) return undefined;
  return { name, columns: parts.pkColumns.map((c) => c.name), suppressions: [], location: first.location };
}

function checkConstraintNames(parts: Parts, pk: KeyDef | undefined, ctx: ResolveContext): void {
  const seen = new Set<string>();
  for (const c of [...(pk ? [pk] : []), ...parts.uniques, ...parts.checks, ...parts.foreignKeys]) {
    if (seen.has(c.name)) {
      ctx.failAt(`constraint "${c.name}" is defined twice in table ${parts.id.schema}.${parts.id.name}`, c.location);
    }
    seen.add(c.name);
  }
}

type UniqueSpec = NonNullable<TableSpec['unique']>[number];
type ForeignKeySpec = NonNullable<TableSpec['foreignKeys']>[number];

function resolveUnique(u: UniqueSpec, path: Path, id: QName, known: ReadonlySet<string>, ctx: ResolveContext): KeyDef {
  const { columns, name, nullsNotDistinct } = Array.isArray(u) ? { columns: u, name: undefined, nullsNotDistinct: undefined } : u;
  const columnsPath = Array.isArray(u) ? path : [...path, 'columns'];
  columns.forEach((c, j) => ctx.known(c, known, [...columnsPath, j], `table ${id.schema}.${id.name}`));
  return {
    name: name ?? defaultName(id.name, columns, 'key'),
    columns,
    ...(nullsNotDistinct ? { nullsNotDistinct } : {}),
    suppressions: [],
    location: ctx.where.at(path),
  };
}

function resolveForeignKey(fk: ForeignKeySpec, path: Path, id: QName, known: ReadonlySet<string>, ctx: ResolveContext): ForeignKeyDef | undefined {
  fk.columns.forEach((c, j) => ctx.known(c, known, [...path, 'columns', j], `table ${id.schema}.${id.name}`));
  const table = ctx.qname(fk.references.table, [...path, 'references', 'table']);
  if (!table) return undefined;
  if (fk.references.columns && fk.references.columns.length !== fk.columns.length) {
    ctx.fail(`${fk.columns.length} column(s) reference ${fk.references.columns.length} column(s)`, [...path, 'references', 'columns']);
  }
  return {
    name: fk.name ?? defaultName(id.name, fk.columns, 'fkey'),
    columns: fk.columns,
    table,
    ...(fk.references.columns ? { refColumns: fk.references.columns } : {}),
    ...(fk.onDelete ? { onDelete: fk.onDelete } : {}),
    ...(fk.onUpdate ? { onUpdate: fk.onUpdate } : {}),
    suppressions: [],
    location: ctx.where.at(path),
  };
}
