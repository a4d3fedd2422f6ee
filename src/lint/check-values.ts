import { parseSync } from '../sql/parser.ts';

type Node = Record<string, any>;

/**
 * The column and values of a CHECK that enumerates them: `x IN ('a','b')` (which Postgres prints as
 * `x = ANY (ARRAY[…])`), `x = ANY ('{a,b}'::text[])` or `x = 'a' OR x = 'b'`. Null for any other CHECK.
 * Parsed with libpg-query rather than pattern-matched: Postgres' deparsed casts nest arbitrarily.
 */
export function enumeratedValues(definition: string): { column: string; values: string[] } | null {
  const expr = definition.replace(/^CHECK\s*/i, '').replace(/\s+NOT VALID\s*$/i, '');
  let root: Node | undefined;
  try {
    root = (parseSync(`SELECT ${expr}`).stmts?.[0]?.stmt as Node | undefined)?.SelectStmt?.targetList?.[0]?.ResTarget?.val;
  } catch {
    return null;
  }
  if (!root) return null;
  const any = root['A_Expr'];
  if (any?.kind === 'AEXPR_OP_ANY' && opName(any) === '=') {
    const column = columnOf(any.lexpr);
    const values = arrayValues(any.rexpr);
    return column && values ? { column, values } : null;
  }
  if (any?.kind === 'AEXPR_IN' && opName(any) === '=') {
    const column = columnOf(any.lexpr);
    const list = Array.isArray(any.rexpr?.List?.items) ? any.rexpr.List.items : any.rexpr;
    const values = Array.isArray(list) ? list.map(constOf) : null;
    return column && values && values.every((v) => v !== null) ? { column, values: values as string[] } : null;
  }
  const bool = root['BoolExpr'];
  if (bool?.boolop === 'OR_EXPR') {
    let column: string | null = null;
    const values: string[] = [];
    for (const arg of bool.args as Node[]) {
      const e = arg['A_Expr'];
      if (!e || e.kind !== 'AEXPR_OP' || opName(e) !== '=') return null;
      const c = columnOf(e.lexpr);
      const v = constOf(e.rexpr);
      if (!c || v === null || (column && c !== column)) return null;
      column = c;
      values.push(v);
    }
    return column ? { column, values } : null;
  }
  return null;
}

const opName = (e: Node) => e.name?.[0]?.String?.sval as string | undefined;
const uncast = (n: Node | undefined): Node | undefined => (n?.['TypeCast'] ? uncast(n['TypeCast'].arg) : n);

function columnOf(n: Node | undefined): string | null {
  const fields = uncast(n)?.['ColumnRef']?.fields as Node[] | undefined;
  return fields?.length === 1 ? (fields[0]!['String']?.sval ?? null) : null;
}

function constOf(n: Node | undefined): string | null {
  const c = uncast(n)?.['A_Const'];
  return typeof c?.sval?.sval === 'string' ? c.sval.sval : null;
}

function arrayValues(n: Node | undefined): string[] | null {
  const inner = uncast(n);
  const elements = inner?.['A_ArrayExpr']?.elements as Node[] | undefined;
  if (elements) {
    const values = elements.map(constOf);
    return values.every((v) => v !== null) ? (values as string[]) : null;
  }
  const literal = constOf(inner);
  if (literal === null || !/^\{.*\}$/s.test(literal)) return null;
  return parseArrayLiteral(literal);
}

/** `{a,"b c",d}` → ['a', 'b c', 'd'] (one dimension, which is all a CHECK list can be). */
function parseArrayLiteral(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|([^,]*?))\s*(?:,|$)/gy;
  const body = text.slice(1, -1);
  if (!body.trim()) return [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < body.length && (m = re.exec(body))) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
    if (m[0] === '') break;
  }
  return out;
}
