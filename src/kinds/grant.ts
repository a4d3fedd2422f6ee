import { getObject, type Catalog } from '../model/catalog.ts';
import type { ObjectId } from '../model/identity.ts';
import type { DefaultPrivilegeType } from '../model/identity.ts';
import type { GrantObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';
import type { DdlContext, KindModule } from './kind.ts';
import { builtinPublic, NOTHING, privilegeStatements, union, type Held } from './privileges.ts';

/** `TABLE public.t`, `FUNCTION public.f(integer)`: the object clause of GRANT/REVOKE. */
function onSql(id: ObjectId, ctx: DdlContext): string {
  switch (id.kind) {
    case 'schema':
      return `SCHEMA ${ident(id.name)}`;
    case 'sequence':
      return `SEQUENCE ${qualified(id.schema, id.name)}`;
    case 'type':
      return `TYPE ${qualified(id.schema, id.name)}`;
    case 'function': {
      const f = getObject(ctx.desired, id) ?? getObject(ctx.current, id);
      const word = f?.kind === 'function' && f.isProcedure ? 'PROCEDURE' : 'FUNCTION';
      return `${word} ${qualified(id.schema, id.name)}(${id.args.join(', ')})`;
    }
    case 'table':
    case 'view':
    case 'matview':
      return `TABLE ${qualified(id.schema, id.name)}`;
    default:
      throw new Error(`bug: grant on ${id.kind}`);
  }
}

const render = (o: GrantObject) => (privileges: readonly string[]) =>
  o.id.column ? privileges.map((p) => `${p} (${ident(o.id.column!)})`).join(', ') : privileges.join(', ');

/** What the grantee holds on an object nobody granted anything on. */
function baseline(o: GrantObject, catalog: Catalog): Held {
  if (o.id.grantee !== 'PUBLIC' || o.id.column) return NOTHING;
  const on = o.id.on;
  return builtinPublic(on.kind, 'name' in on ? on.name : '', catalog.serverVersion);
}

const DEFAULT_TYPE: Partial<Record<ObjectId['kind'], DefaultPrivilegeType>> = {
  table: 'tables',
  view: 'tables',
  matview: 'tables',
  sequence: 'sequences',
  function: 'functions',
  type: 'types',
  schema: 'schemas',
};

/**
 * What the target's default privileges (pg_default_acl, whoever they are for) may grant `grantee` when the plan
 * creates `on`: the plan runs ALTER DEFAULT PRIVILEGES last, so the target's current entries apply.
 */
export function autoGranted(on: ObjectId, grantee: string, current: Catalog): Held {
  const objtype = DEFAULT_TYPE[on.kind];
  if (!objtype || getObject(current, on)) return NOTHING;
  const schema = on.kind === 'schema' ? null : 'schema' in on ? on.schema : null;
  let held = NOTHING;
  for (const d of current.objects.values()) {
    if (d.kind !== 'defaultPrivilege' || d.id.objtype !== objtype || d.id.grantee !== grantee) continue;
    if (d.id.schema !== null && d.id.schema !== schema) continue;
    held = union(held, d);
  }
  return held;
}

function targetGone(o: GrantObject, desired: Catalog): boolean {
  const on = o.id.on;
  if (!getObject(desired, on)) return true;
  if (o.id.column && on.kind === 'table') return !getObject(desired, { kind: 'column', schema: on.schema, table: on.name, name: o.id.column });
  return false;
}

export const grantKind: KindModule<'grant'> = {
  kind: 'grant',
  weight: 90,
  alterable: ['privileges', 'grantable'],
  create(o, ctx) {
    const floor = baseline(o, ctx.current);
    const column = Boolean(o.id.column);
    const mayHold = column ? floor : union(floor, autoGranted(o.id.on, o.id.grantee, ctx.current));
    return privilegeStatements(mayHold, o, onSql(o.id.on, ctx), o.id.grantee, render(o), floor);
  },
  // Dropping the object (or column) drops its privileges.
  drop: (o, ctx) => (targetGone(o, ctx.desired) ? [] : privilegeStatements(o, baseline(o, ctx.current), onSql(o.id.on, ctx), o.id.grantee, render(o))),
  alter: (from, to, _fields, ctx) => privilegeStatements(from, to, onSql(to.id.on, ctx), to.id.grantee, render(to)),
};
