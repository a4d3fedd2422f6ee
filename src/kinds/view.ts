import { stmt, type Statement } from '../model/change.ts';
import type { MatviewObject, ViewObject } from '../model/objects.ts';
import { qualified } from '../sql/quote.ts';
import { columnComments, commentIfAny, commentOn } from './common.ts';
import type { KindModule } from './kind.ts';

const name = (o: ViewObject | MatviewObject) => qualified(o.id.schema, o.id.name);
const body = (def: string) => def.trim().replace(/;$/, '');
const withOptions = (options: readonly string[]) => (options.length ? ` WITH (${options.join(', ')})` : '');

/** CREATE OR REPLACE VIEW may only append columns; existing ones must keep name and type. */
export function viewReplaceable(from: ViewObject, to: ViewObject): boolean {
  return from.columns.every((c, i) => to.columns[i]?.name === c.name && to.columns[i]?.type === c.type);
}

export const viewKind: KindModule<'view'> = {
  kind: 'view',
  weight: 30,
  alterable: ['canonical', 'columns', 'options', 'comment', 'columnComments'],
  mustReplace: (from, to, fields) => (fields.includes('canonical') || fields.includes('columns')) && !viewReplaceable(from, to),
  create: (o) => [
    stmt(`CREATE VIEW ${name(o)}${withOptions(o.options)} AS\n${body(o.definition)}`, 'none'),
    ...commentIfAny(`VIEW ${name(o)}`, o.comment),
    ...columnComments(name(o), {}, o.columnComments),
  ],
  drop: (o) => [stmt(`DROP VIEW ${name(o)}`, 'accessExclusive')],
  alter(from, to, fields) {
    const out: Statement[] = [];
    if (fields.includes('canonical') || fields.includes('columns')) {
      out.push(stmt(`CREATE OR REPLACE VIEW ${name(to)}${withOptions(to.options)} AS\n${body(to.definition)}`, 'accessExclusive'));
    } else if (fields.includes('options')) {
      const key = (o: string) => o.split('=')[0]!;
      const reset = from.options.filter((o) => !to.options.some((t) => key(t) === key(o))).map(key);
      if (reset.length) out.push(stmt(`ALTER VIEW ${name(to)} RESET (${reset.join(', ')})`, 'accessExclusive'));
      if (to.options.length) out.push(stmt(`ALTER VIEW ${name(to)} SET (${to.options.join(', ')})`, 'accessExclusive'));
    }
    if (fields.includes('comment')) out.push(commentOn(`VIEW ${name(to)}`, to.comment));
    // CREATE OR REPLACE keeps the columns it keeps, and their comments; appended columns have none yet.
    if (fields.includes('columnComments')) out.push(...columnComments(name(to), from.columnComments, to.columnComments));
    return out;
  },
};

export const matviewKind: KindModule<'matview'> = {
  kind: 'matview',
  weight: 31,
  alterable: ['comment', 'columnComments'],
  create: (o) => [
    stmt(`CREATE MATERIALIZED VIEW ${name(o)}${withOptions(o.options)} AS\n${body(o.definition)}`, 'none'),
    ...commentIfAny(`MATERIALIZED VIEW ${name(o)}`, o.comment),
    ...columnComments(name(o), {}, o.columnComments),
  ],
  drop: (o) => [stmt(`DROP MATERIALIZED VIEW ${name(o)}`, 'accessExclusive')],
  alter: (from, to, fields) => [
    ...(fields.includes('comment') ? [commentOn(`MATERIALIZED VIEW ${name(to)}`, to.comment)] : []),
    ...(fields.includes('columnComments') ? columnComments(name(to), from.columnComments, to.columnComments) : []),
  ],
};
