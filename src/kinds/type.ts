import { ofKind, type Catalog } from '../model/catalog.ts';
import { stmt, type Statement } from '../model/change.ts';
import type { ObjectOfKind, TypeObject } from '../model/objects.ts';
import { ident, literal, qualified } from '../sql/quote.ts';
import { columnComments, commentIfAny, commentOn } from './common.ts';
import type { DdlContext, KindModule } from './kind.ts';

type EnumType = Extract<TypeObject, { variant: 'enum' }>;
type DomainType = Extract<TypeObject, { variant: 'domain' }>;
type CompositeType = Extract<TypeObject, { variant: 'composite' }>;

const name = (o: TypeObject) => qualified(o.id.schema, o.id.name);

function createType(o: TypeObject): Statement[] {
  const n = name(o);
  let sql: string;
  switch (o.variant) {
    case 'enum':
      sql = `CREATE TYPE ${n} AS ENUM (${o.values.map(literal).join(', ')})`;
      break;
    case 'domain':
      sql = [
        `CREATE DOMAIN ${n} AS ${o.baseType}`,
        o.collation ? `COLLATE ${o.collation}` : '',
        o.default !== null ? `DEFAULT ${o.default}` : '',
        o.notNull ? 'NOT NULL' : '',
        ...o.checks.map((c) => `CONSTRAINT ${ident(c.name)} ${c.definition}`),
      ]
        .filter(Boolean)
        .join(' ');
      break;
    case 'composite':
      sql = `CREATE TYPE ${n} AS (${o.attributes.map((a) => `${ident(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`).join(', ')})`;
      break;
    case 'range':
      sql = `CREATE TYPE ${n} AS RANGE (${o.definition})`;
      break;
  }
  return [
    stmt(sql, 'none'),
    ...commentIfAny(`${o.variant === 'domain' ? 'DOMAIN' : 'TYPE'} ${n}`, o.comment),
    ...(o.variant === 'composite' ? columnComments(n, {}, o.attributeComments) : []),
  ];
}

/**
 * Enum values can be added anywhere and renamed in place; a plan never rewrites the type for that.
 * Returns null when values were removed or reordered (the type must be recreated).
 */
export function enumAlter(from: readonly string[], to: readonly string[]): { add: { value: string; before?: string; after?: string }[]; rename: [string, string][] } | null {
  if (from.length === to.length) {
    const renames: [string, string][] = [];
    const kept = from.filter((v) => to.includes(v));
    // Same length, same positions for every kept value: the others were renamed.
    if (kept.every((v) => from.indexOf(v) === to.indexOf(v))) {
      from.forEach((v, i) => {
        if (v !== to[i]) renames.push([v, to[i]!]);
      });
      if (renames.length && renames.every(([, nv]) => !from.includes(nv))) return { add: [], rename: renames };
    }
  }
  // Every old value must still be there, in the same relative order.
  let j = 0;
  for (const v of to) if (v === from[j]) j++;
  if (j !== from.length) return null;
  const add: { value: string; before?: string; after?: string }[] = [];
  to.forEach((v, i) => {
    if (from.includes(v)) return;
    const next = to.slice(i + 1).find((x) => from.includes(x));
    if (next !== undefined) add.push({ value: v, before: next });
    else add.push({ value: v, ...(i > 0 ? { after: to[i - 1]! } : {}) });
  });
  return { add, rename: [] };
}

function alterEnum(from: EnumType, to: EnumType): Statement[] {
  const plan = enumAlter(from.values, to.values)!;
  const n = name(to);
  return [
    ...plan.rename.map(([a, b]) => stmt(`ALTER TYPE ${n} RENAME VALUE ${literal(a)} TO ${literal(b)}`, 'accessExclusive')),
    ...plan.add.map((a) =>
      stmt(
        `ALTER TYPE ${n} ADD VALUE ${literal(a.value)}${a.before !== undefined ? ` BEFORE ${literal(a.before)}` : a.after !== undefined ? ` AFTER ${literal(a.after)}` : ''}`,
        'accessExclusive',
      ),
    ),
  ];
}

function alterDomain(from: DomainType, to: DomainType): Statement[] {
  const n = name(to);
  const out: Statement[] = [];
  if (from.default !== to.default) out.push(stmt(`ALTER DOMAIN ${n} ${to.default === null ? 'DROP DEFAULT' : `SET DEFAULT ${to.default}`}`, 'shareUpdateExclusive'));
  if (from.notNull !== to.notNull) {
    out.push(stmt(`ALTER DOMAIN ${n} ${to.notNull ? 'SET' : 'DROP'} NOT NULL`, 'share', to.notNull ? [{ code: 'validation-scan', detail: 'checks every column of this domain' }] : []));
  }
  const key = (c: { name: string; definition: string }) => `${c.name}\u0000${c.definition}`;
  const toKeys = new Set(to.checks.map(key));
  const fromKeys = new Set(from.checks.map(key));
  for (const c of from.checks) if (!toKeys.has(key(c))) out.push(stmt(`ALTER DOMAIN ${n} DROP CONSTRAINT ${ident(c.name)}`, 'shareUpdateExclusive'));
  for (const c of to.checks) {
    if (!fromKeys.has(key(c))) out.push(stmt(`ALTER DOMAIN ${n} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`, 'share', [{ code: 'validation-scan', detail: 'checks every value of this domain' }]));
  }
  if (from.comment !== to.comment) out.push(commentOn(`DOMAIN ${n}`, to.comment));
  return out;
}

function alterComposite(from: CompositeType, to: CompositeType): Statement[] {
  const n = name(to);
  const actions: string[] = [];
  for (const a of from.attributes) if (!to.attributes.some((b) => b.name === a.name)) actions.push(`DROP ATTRIBUTE ${ident(a.name)}`);
  for (const b of to.attributes) {
    const a = from.attributes.find((x) => x.name === b.name);
    const typ = `${b.type}${b.collation ? ` COLLATE ${b.collation}` : ''}`;
    if (!a) actions.push(`ADD ATTRIBUTE ${ident(b.name)} ${typ}`);
    else if (a.type !== b.type || a.collation !== b.collation) actions.push(`ALTER ATTRIBUTE ${ident(b.name)} TYPE ${typ}`);
  }
  const out = actions.length ? [stmt(`ALTER TYPE ${n} ${actions.join(', ')}`, 'accessExclusive')] : [];
  if (from.comment !== to.comment) out.push(commentOn(`TYPE ${n}`, to.comment));
  out.push(...columnComments(n, from.attributeComments, to.attributeComments, (a) => to.attributes.some((b) => b.name === a)));
  return out;
}

export const typeKind: KindModule<'type'> = {
  kind: 'type',
  weight: 2,
  alterable: ['comment', 'values', 'default', 'notNull', 'checks', 'attributes', 'attributeComments'],
  // Another variant is another type; an enum that loses or reorders values is recreated, and so is a composite
  // type whose attribute changes type while a table column holds it (ALTER ATTRIBUTE … TYPE is refused then).
  mustReplace: (from, to, fields, current) =>
    from.variant !== to.variant ||
    (from.variant === 'enum' && to.variant === 'enum' && fields.includes('values') && enumAlter(from.values, to.values) === null) ||
    (from.variant === 'composite' && to.variant === 'composite' && attributeTypeChanges(from, to) && columnsOfType(from, current).length > 0),
  create: createType,
  drop: (o) => [stmt(`DROP ${o.variant === 'domain' ? 'DOMAIN' : 'TYPE'} ${name(o)}`, 'accessExclusive')],
  alter(from, to, fields) {
    if (from.variant === 'enum' && to.variant === 'enum') {
      if (fields.includes('values') && !enumAlter(from.values, to.values)) throw new Error('bug: enum values need a replace');
      return [...(fields.includes('values') ? alterEnum(from, to) : []), ...(from.comment !== to.comment ? [commentOn(`TYPE ${name(to)}`, to.comment)] : [])];
    }
    if (from.variant === 'domain' && to.variant === 'domain') return alterDomain(from, to);
    if (from.variant === 'composite' && to.variant === 'composite') return alterComposite(from, to);
    return [commentOn(`TYPE ${name(to)}`, to.comment)];
  },
  replace(from, to, ctx) {
    if (from.variant !== to.variant || from.variant === 'range') return null;
    // A domain or composite type no column holds is dropped and created like anything else (with what depends on
    // it): renamed away, its old self could outlive a type it is built on that is itself recreated.
    if (from.variant !== 'enum' && columnsOfType(from, ctx.current).length === 0) return null;
    // A domain whose base type is the same text is rebuilt because that type (an enum) is: its columns hold
    // values of the old, renamed-away type, which casts to the new one only through text.
    const via = to.variant === 'domain' && from.variant === 'domain' && from.baseType !== to.baseType ? to.baseType : 'text';
    return recreateAroundColumns(from, to, via, ctx);
  },
  // A domain whose check or default calls something rebuilt lets go of them meanwhile instead of being dropped
  // (columns use it). One over a user-defined type depends on that type itself: nothing to let go of.
  detach(o) {
    if (o.variant !== 'domain' || o.baseType.includes('.') || (o.default === null && !o.checks.length)) return null;
    const n = name(o);
    return {
      statements: [
        ...(o.default !== null ? [stmt(`ALTER DOMAIN ${n} DROP DEFAULT`, 'shareUpdateExclusive')] : []),
        ...o.checks.map((c) => stmt(`ALTER DOMAIN ${n} DROP CONSTRAINT ${ident(c.name)}`, 'shareUpdateExclusive')),
      ],
      detached: { ...o, default: null, checks: [] },
    };
  },
};

/** Does the column hold the type (or an array of it), as the catalog prints its type? */
export function holdsType(c: ObjectOfKind<'column'>, o: TypeObject): boolean {
  const type = c.type.replace(/\[\]$/, '');
  return type === name(o) || type === `${o.id.schema}.${o.id.name}` || type === o.id.name;
}

/** Columns of a type (or arrays of it). */
function columnsOfType(o: TypeObject, current: Catalog): ObjectOfKind<'column'>[] {
  return ofKind(current, 'column').filter((c) => holdsType(c, o));
}

const attributeTypeChanges = (from: CompositeType, to: CompositeType) =>
  to.attributes.some((b) => from.attributes.some((a) => a.name === b.name && (a.type !== b.type || a.collation !== b.collation)));

/**
 * A type that cannot be altered while columns hold it is recreated under its name without touching table data:
 * the old one renamed away, the new one created, every column converted (`via` the new type's text form, or a
 * domain's new base type), the old one dropped. An enum losing or reordering values, a composite type whose
 * attribute changes type under a column, a domain whose base type changes. A column's default lets go of the old
 * type before and is set again after (diff/dependents.ts: the column's detach). Values the new type rejects make
 * the conversion fail, and the transaction rolls back. The old type is dropped last (`cleanup`): a domain or
 * composite type built on it still uses it until rebuilt itself.
 */
function recreateAroundColumns(from: TypeObject, to: TypeObject, via: string, ctx: DdlContext): { before: Statement[]; after: Statement[]; cleanup: Statement[] } {
  const n = name(to);
  const keyword = from.variant === 'domain' ? 'DOMAIN' : 'TYPE';
  const convert = (c: ObjectOfKind<'column'>): Statement => {
    const col = ident(c.id.name);
    const arr = c.type.endsWith('[]') ? '[]' : '';
    return stmt(`ALTER TABLE ${qualified(c.id.schema, c.id.table)} ALTER COLUMN ${col} TYPE ${n}${arr} USING ${col}::${via}${arr}::${n}${arr}`, 'accessExclusive', [
      { code: 'table-rewrite', detail: `converts ${c.id.table}.${c.id.name} to the recreated type` },
    ]);
  };
  return {
    before: [stmt(`ALTER ${keyword} ${n} RENAME TO ${ident(`${from.id.name}__old`)}`, 'accessExclusive')],
    after: [...createType(to), ...columnsOfType(from, ctx.current).map(convert)],
    cleanup: [stmt(`DROP ${keyword} ${qualified(from.id.schema, `${from.id.name}__old`)}`, 'accessExclusive')],
  };
}
