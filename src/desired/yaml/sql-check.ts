import { parseSync } from '../../sql/parser.ts';

/**
 * Syntax checks for the SQL fragments a YAML file carries (expressions, types), so that a typo is reported at
 * its YAML node instead of as a shadow-database error on the whole CREATE TABLE. Only the parser runs here;
 * whether names resolve is the shadow database's job.
 */
export function expressionError(text: string): string | undefined {
  return fragmentError(`SELECT (${text})`, 'an SQL expression');
}

export function typeError(text: string): string | undefined {
  return fragmentError(`SELECT NULL::${text}`, 'an SQL type');
}

function fragmentError(sql: string, what: string): string | undefined {
  let tree;
  try {
    tree = parseSync(sql);
  } catch (e) {
    return `not ${what}: ${(e as Error).message}`;
  }
  const stmts = tree.stmts ?? [];
  const select = (stmts[0]?.stmt as { SelectStmt?: Record<string, unknown> } | undefined)?.SelectStmt;
  // Anything beyond one target (FROM, WHERE, a second statement …) means the fragment escaped its slot.
  const extra = select ? Object.keys(select).filter((k) => !['targetList', 'limitOption', 'op'].includes(k)) : [];
  const targets = (select?.['targetList'] as unknown[] | undefined)?.length ?? 0;
  if (stmts.length !== 1 || !select || extra.length || targets !== 1) return `not ${what}`;
  return undefined;
}
