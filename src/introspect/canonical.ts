import { parseSync } from '../sql/parser.ts';

/**
 * A version-independent key for a view's query. pg_get_viewdef's text changes across majors (PostgreSQL 16+
 * stops qualifying columns when the query reads a single relation), so views are compared by their parse tree,
 * without token locations, with `rel.col` reduced to `col` where `rel` is the only relation in that FROM.
 */
export function canonicalQuery(sql: string): string {
  let tree: unknown;
  try {
    tree = parseSync(sql);
  } catch {
    return sql;
  }
  return JSON.stringify(strip(tree, null));
}

function strip(node: unknown, soleRelation: string | null): unknown {
  if (Array.isArray(node)) return node.map((n) => strip(n, soleRelation));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const select = obj['SelectStmt'] as Record<string, unknown> | undefined;
  if (select) return { SelectStmt: strip(select, singleRelation(select) ?? null) };
  const ref = obj['ColumnRef'] as { fields?: { String?: { sval?: string } }[] } | undefined;
  if (ref?.fields?.length === 2 && soleRelation && ref.fields[0]?.String?.sval === soleRelation) {
    return { ColumnRef: { fields: [strip(ref.fields[1], soleRelation)] } };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (k !== 'location' && k !== 'stmt_len' && k !== 'stmt_location') out[k] = strip(v, soleRelation);
  return out;
}

function singleRelation(select: Record<string, unknown>): string | undefined {
  const from = select['fromClause'] as { RangeVar?: { relname?: string; alias?: { aliasname?: string } } }[] | undefined;
  if (from?.length !== 1) return undefined;
  const rv = from[0]!.RangeVar;
  return rv ? (rv.alias?.aliasname ?? rv.relname) : undefined;
}
