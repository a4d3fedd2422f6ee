import type { Path } from './locate.ts';
import type { IndexDef, IndexElement, QName } from './model.ts';
import { defaultName } from './naming.ts';
import type { ResolveContext } from './resolve-context.ts';
import type { IndexSpec } from './schema.ts';

/** One `indexes:` entry (`[col, …]` or the full object) → an IndexDef. */
export function resolveIndex(ix: IndexSpec, path: Path, table: QName, known: ReadonlySet<string>, ctx: ResolveContext): IndexDef | undefined {
  const spec = Array.isArray(ix) ? { columns: ix } : ix;
  const what = `table ${table.schema}.${table.name}`;
  const colPath = Array.isArray(ix) ? path : [...path, 'columns'];
  const elements: IndexElement[] = [];
  spec.columns.forEach((e, i) => {
    if (typeof e === 'string') {
      ctx.known(e, known, [...colPath, i], what);
      elements.push({ column: e });
      return;
    }
    if ((e.column === undefined) === (e.expression === undefined)) {
      ctx.fail('an index element needs exactly one of `column` or `expression`', [...colPath, i]);
      return;
    }
    if (e.column !== undefined) ctx.known(e.column, known, [...colPath, i, 'column'], what);
    elements.push({
      ...(e.column !== undefined ? { column: e.column } : { expression: ctx.expression(e.expression!, [...colPath, i, 'expression']) }),
      ...(e.order ? { order: e.order } : {}),
      ...(e.nulls ? { nulls: e.nulls } : {}),
      ...(e.opclass ? { opclass: e.opclass } : {}),
    });
  });
  const include = 'include' in spec ? (spec.include ?? []) : [];
  include.forEach((c, i) => ctx.known(c, known, [...path, 'include', i], what));
  let name = 'name' in spec ? spec.name : undefined;
  if (!name) {
    if (elements.some((e) => e.expression !== undefined)) {
      ctx.fail('an expression index needs a `name`', path);
      return undefined;
    }
    name = defaultName(table.name, elements.map((e) => e.column!), 'idx');
  }
  const full = Array.isArray(ix) ? undefined : ix;
  return {
    name,
    elements,
    unique: full?.unique ?? false,
    ...(full?.method ? { method: full.method } : {}),
    ...(full?.where ? { where: ctx.expression(full.where, [...path, 'where']) } : {}),
    include,
    nullsNotDistinct: full?.nullsNotDistinct ?? false,
    ...(full?.comment !== undefined ? { comment: full.comment } : {}),
    location: ctx.where.at(path),
  };
}
