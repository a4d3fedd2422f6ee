/** Blank out `--` and `/* *\/` comments, keeping string literals and positions intact. */
export function stripSqlComments(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'") {
      const end = closeQuote(sql, i);
      out += sql.slice(i, end);
      i = end;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function closeQuote(sql: string, start: number): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === "'") {
      if (sql[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

const NAME = String.raw`(?:[A-Za-z_][\w$]*|"(?:[^"]|"")+")`;
// A qualified name followed by "(" that is not a relation (INSERT INTO s.t (cols), REFERENCES s.t (id), …).
const CALL = new RegExp(String.raw`(?<!\b(?:into|table|from|join|update|references|only|exists)\s+)(?<![\w$."])(${NAME})\s*\.\s*(${NAME})\s*\(`, 'gi');

/** Postgres' folding: quoted names are kept, unquoted ones are lower-cased. */
export const unquoteName = (n: string) => (n.startsWith('"') ? n.slice(1, -1).replaceAll('""', '"') : n.toLowerCase());

/** `schema.function(` calls in SQL text; string literals and comments are ignored. */
export function qualifiedCalls(sql: string): { schema: string; name: string }[] {
  const text = stripSqlComments(sql).replace(/'(?:[^']|'')*'/g, (s) => ' '.repeat(s.length));
  return [...text.matchAll(CALL)].map((m) => ({ schema: unquoteName(m[1]!), name: unquoteName(m[2]!) }));
}
