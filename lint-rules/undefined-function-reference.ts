import { z } from 'zod';
import { ofKind } from '../src/model/catalog.ts';
import { describeId } from '../src/model/identity.ts';
import { stripSqlComments } from '../src/lint/sql-text.ts';
import { defineRule } from '../src/lint/rule.ts';

const NAME = String.raw`(?:[A-Za-z_][\w$]*|"(?:[^"]|"")+")`;
// A qualified name followed by "(" that is not a relation (INSERT INTO s.t (cols), REFERENCES s.t (id), …).
const CALL = new RegExp(String.raw`(?<!\b(?:into|table|from|join|update|references|only|exists)\s+)(?<![\w$."])(${NAME})\s*\.\s*(${NAME})\s*\(`, 'gi');

const unquote = (n: string) => (n.startsWith('"') ? n.slice(1, -1).replaceAll('""', '"') : n.toLowerCase());

/** The body of a pg_get_functiondef text, with comments and string literals blanked. */
function bodyOf(definition: string): string {
  const m = /\bAS\s+(\$[\w]*\$)([\s\S]*)\1/.exec(definition);
  const body = stripSqlComments(m ? m[2]! : '');
  return body.replace(/'(?:[^']|'')*'/g, (s) => ' '.repeat(s.length));
}

export default defineRule({
  name: 'undefined-function-reference',
  meta: {
    description: 'Functions and policies only call functions that exist (plpgsql bodies are not checked when created, so a missing auth.role() fails at run time).',
    defaultSeverity: 'error',
    messages: {
      unresolved: '{{object}} calls {{name}}, which does not exist',
      unresolvedNoObject: 'a statement calls {{name}}, which does not exist',
    },
    options: z.strictObject({
      /** Schemas whose calls are checked even when the schema itself is missing (a forgotten auth stub). */
      alsoCheck: z.array(z.string()),
    }),
  },
  defaultOptions: { alsoCheck: ['auth'] },
  check(ctx) {
    for (const u of ctx.unresolved ?? []) {
      if (u.object) ctx.report({ messageId: 'unresolved', target: u.object, data: { object: describeId(u.object), name: u.name }, ...(u.location ? { location: u.location } : {}) });
      else ctx.report({ messageId: 'unresolvedNoObject', data: { name: u.name }, ...(u.location ? { location: u.location } : {}) });
    }
    const functions = ofKind(ctx.catalog, 'function');
    const exists = new Set(functions.map((f) => `${f.id.schema}.${f.id.name}`));
    const relations = new Set(['table', 'view', 'matview', 'sequence', 'type'].flatMap((k) => ofKind(ctx.catalog, k as 'table').map((o) => `${o.id.schema}.${o.id.name}`)));
    const checked = new Set([...ofKind(ctx.catalog, 'schema').map((s) => s.id.name), ...ctx.options.alsoCheck]);
    for (const fn of functions) {
      if (fn.language !== 'plpgsql' || !ctx.schemas.includes(fn.id.schema)) continue;
      const missing = new Set<string>();
      for (const m of bodyOf(fn.definition).matchAll(CALL)) {
        const schema = unquote(m[1]!);
        const name = unquote(m[2]!);
        const key = `${schema}.${name}`;
        if (!checked.has(schema) || exists.has(key) || relations.has(key)) continue;
        missing.add(`${key}()`);
      }
      for (const name of missing) ctx.report({ messageId: 'unresolved', target: fn.id, data: { object: describeId(fn.id), name } });
    }
  },
});
