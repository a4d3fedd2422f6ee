import type { Queryable } from '../db/queryable.ts';
import type { Catalog } from '../model/catalog.ts';
import { ident, qualified } from '../sql/quote.ts';

/**
 * Postgres' deparsed expressions are not always a fixpoint: `status IN ('a','b')` on a varchar column reads
 * back as `(status)::text = ANY ((ARRAY['a'::character varying, …])::text[])`, and executing that text stores
 * yet another tree. A plan renders the deparsed text, so the desired shadow re-executes such expressions once
 * from their own deparsed text; what it reads back then is exactly what applying the plan will produce.
 * Only expressions that can change this way (casts inside arrays / ANY) are touched, to keep the cold path cheap.
 */
export function settleStatements(catalog: Catalog): string[] {
  const unstable = (expr: string | null) => expr !== null && /ARRAY\[|= ANY \(|<> ALL \(/.test(expr);
  const out: string[] = [];
  for (const o of catalog.objects.values()) {
    if (o.kind === 'constraint' && o.type === 'check' && unstable(o.definition)) {
      const t = qualified(o.id.schema, o.id.table);
      out.push(`ALTER TABLE ${t} DROP CONSTRAINT ${ident(o.id.name)}, ADD CONSTRAINT ${ident(o.id.name)} ${o.definition}`);
    } else if (o.kind === 'column' && o.generated === null && unstable(o.default)) {
      out.push(`ALTER TABLE ${qualified(o.id.schema, o.id.table)} ALTER COLUMN ${ident(o.id.name)} SET DEFAULT ${o.default}`);
    } else if (o.kind === 'policy' && (unstable(o.using) || unstable(o.withCheck))) {
      const parts = [o.using !== null ? `USING (${o.using})` : '', o.withCheck !== null ? `WITH CHECK (${o.withCheck})` : ''].filter(Boolean);
      out.push(`ALTER POLICY ${ident(o.id.name)} ON ${qualified(o.id.schema, o.id.table)} ${parts.join(' ')}`);
    } else if (o.kind === 'index' && unstable(o.definition)) {
      out.push(`DROP INDEX ${qualified(o.id.schema, o.id.name)}`, o.definition);
    }
  }
  return out;
}

/** Runs the settling statements in the shadow; true when anything changed (the catalog must be read again). */
export async function settleExpressions(db: Queryable, catalog: Catalog): Promise<boolean> {
  const statements = settleStatements(catalog);
  if (!statements.length) return false;
  await db.exec(`SET search_path = ''`);
  // In chunks, like the desired state itself (see execute.ts): one transaction can hold only so many locks.
  for (let i = 0; i < statements.length; i += 400) await db.exec(statements.slice(i, i + 400).join(';\n') + ';');
  await db.exec('RESET search_path');
  return true;
}
