import type { Queryable } from '../db/queryable.ts';
import type { Catalog } from '../model/catalog.ts';
import { encodeId } from '../model/identity.ts';
import type { CatalogObject } from '../model/objects.ts';
import { ident, qualified } from '../sql/quote.ts';

/** A field holding an expression that Postgres deparses (`definition` of a CHECK or an index). */
export type ExpressionField = 'definition' | 'default' | 'using' | 'withCheck';

/**
 * The fields of `o` whose deparsed text may not be a fixpoint: `status IN ('a','b')` on a varchar column reads
 * back as `(status)::text = ANY ((ARRAY['a'::character varying, …])::text[])`, and executing that text stores
 * yet another tree. Only expressions that can change this way (casts inside arrays / ANY) are considered, to
 * keep the cold path cheap.
 */
export function unstableFields(o: CatalogObject): ExpressionField[] {
  const unstable = (expr: string | null) => expr !== null && /ARRAY\[|= ANY \(|<> ALL \(/.test(expr);
  if (o.kind === 'constraint') return o.type === 'check' && unstable(o.definition) ? ['definition'] : [];
  if (o.kind === 'column') return o.generated === null && unstable(o.default) ? ['default'] : [];
  if (o.kind === 'policy') return [...(unstable(o.using) ? ['using' as const] : []), ...(unstable(o.withCheck) ? ['withCheck' as const] : [])];
  if (o.kind === 'index') return unstable(o.definition) ? ['definition'] : [];
  return [];
}

/** Is this field of the object (by encoded id) written as the desired state wrote it (no settling needed)? */
export type Written = (key: string, field: ExpressionField) => boolean;

/**
 * The fallback when the desired state's own text of an unstable expression is not known (or does not reproduce
 * what Postgres stored): the shadow re-executes the expression once from its own deparsed text, so the desired
 * catalog holds exactly what applying the plan (which renders the deparsed text) will produce, and re-plans
 * converge. It writes its own statements rather than the kinds' DDL: those render an expression as the desired
 * state wrote it where known (model/objects.ts WrittenAs), and settling must re-execute the deparsed text itself.
 */
export function settleStatements(catalog: Catalog, written: Written): string[] {
  const out: string[] = [];
  for (const o of catalog.objects.values()) {
    const unstable = unstableFields(o);
    if (!unstable.length) continue;
    const key = encodeId(o.id);
    const fields = unstable.filter((f) => !written(key, f));
    if (!fields.length) continue;
    if (o.kind === 'constraint') {
      const t = qualified(o.id.schema, o.id.table);
      out.push(`ALTER TABLE ${t} DROP CONSTRAINT ${ident(o.id.name)}, ADD CONSTRAINT ${ident(o.id.name)} ${o.definition}`);
    } else if (o.kind === 'column') {
      out.push(`ALTER TABLE ${qualified(o.id.schema, o.id.table)} ALTER COLUMN ${ident(o.id.name)} SET DEFAULT ${o.default}`);
    } else if (o.kind === 'policy') {
      const parts = [fields.includes('using') ? `USING (${o.using})` : '', fields.includes('withCheck') ? `WITH CHECK (${o.withCheck})` : ''].filter(Boolean);
      out.push(`ALTER POLICY ${ident(o.id.name)} ON ${qualified(o.id.schema, o.id.table)} ${parts.join(' ')}`);
    } else if (o.kind === 'index' && !o.attachedTo) {
      // A partition's index attached to its parent's cannot be dropped alone; it was built from the parent's
      // tree, and settling the parent (dropped and created again) rebuilds it.
      out.push(`DROP INDEX ${qualified(o.id.schema, o.id.name)}`, o.definition);
    }
  }
  return out;
}

/** Runs the settling statements in the shadow; true when anything changed (the catalog must be read again). */
export async function settleExpressions(db: Queryable, catalog: Catalog, written: Written): Promise<boolean> {
  const statements = settleStatements(catalog, written);
  if (!statements.length) return false;
  await db.exec(`SET search_path = ''`);
  // In chunks, like the desired state itself (see execute.ts): one transaction can hold only so many locks.
  for (let i = 0; i < statements.length; i += 400) await db.exec(statements.slice(i, i + 400).join(';\n') + ';');
  await db.exec('RESET search_path');
  return true;
}
