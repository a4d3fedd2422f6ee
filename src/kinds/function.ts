import { stmt } from '../model/change.ts';
import type { CatalogKind, FunctionObject } from '../model/objects.ts';
import { ident } from '../sql/quote.ts';
import { commentIfAny, commentOn } from './common.ts';
import type { KindModule } from './kind.ts';

/** `public.f(integer, text)`: how DROP / COMMENT name one overload. */
export const signature = (o: FunctionObject) => `${ident(o.id.schema)}.${ident(o.id.name)}(${o.id.args.join(', ')})`;
const what = (o: FunctionObject) => `${o.isProcedure ? 'PROCEDURE' : o.isAggregate ? 'AGGREGATE' : 'FUNCTION'} ${signature(o)}`;

/**
 * What decides a function's results: its definition without the attributes that only tell the planner about it
 * (PARALLEL, LEAKPROOF, COST, ROWS, SUPPORT). pg_get_functiondef prints those in the header, before the body.
 */
function computes(o: FunctionObject): string {
  const body = o.definition.search(/^(?:AS |BEGIN ATOMIC)/m);
  const header = body < 0 ? o.definition : o.definition.slice(0, body);
  const rest = body < 0 ? '' : o.definition.slice(body);
  return header.replace(/ (?:PARALLEL (?:SAFE|RESTRICTED|UNSAFE)|NOT LEAKPROOF|LEAKPROOF|COST [\d.]+|ROWS [\d.]+|SUPPORT \S+)/g, '') + rest;
}

const COMPUTED_FROM_IT: ReadonlySet<CatalogKind> = new Set(['index', 'constraint', 'column']);

export const functionKind: KindModule<'function'> = {
  kind: 'function',
  weight: 5,
  // CREATE OR REPLACE can change the body and attributes, never the result type, argument names or defaults.
  alterable: ['definition', 'language', 'securityDefiner', 'volatility', 'config', 'comment'],
  // An index, CHECK or stored generated column over an immutable function holds values the old body computed:
  // CREATE OR REPLACE leaves it silently stale, so it is built (validated, computed) again after.
  alterRecreatesDependents: (from, to, fields) =>
    fields.includes('definition') && from.volatility === 'immutable' && to.volatility === 'immutable' && computes(from) !== computes(to) ? COMPUTED_FROM_IT : null,
  create: (o) => [stmt(o.definition.trim(), 'none'), ...commentIfAny(what(o), o.comment)],
  drop: (o) => [stmt(`DROP ${what(o)}`, 'accessExclusive')],
  alter(from, to, fields) {
    const out = [];
    if (fields.some((f) => f !== 'comment')) {
      const hazards = from.securityDefiner !== to.securityDefiner ? [{ code: 'authz-change' as const, detail: `SECURITY ${to.securityDefiner ? 'DEFINER' : 'INVOKER'}` }] : [];
      out.push(stmt(to.definition.trim(), 'none', hazards));
    }
    if (fields.includes('comment')) out.push(commentOn(what(to), to.comment));
    return out;
  },
};
