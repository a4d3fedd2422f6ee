import { z } from 'zod';
import { ofKind } from '../src/model/catalog.ts';
import { describeId } from '../src/model/identity.ts';
import { qualifiedCalls } from '../src/lint/sql-text.ts';
import { defineRule } from '../src/lint/rule.ts';

/** The body of a pg_get_functiondef text (between its dollar quotes). */
function bodyOf(definition: string): string {
  const m = /\bAS\s+(\$[\w]*\$)([\s\S]*)\1/.exec(definition);
  return m ? m[2]! : '';
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
      /**
       * Schemas whose calls are checked even when the catalog does not hold them. Calls into schemas the catalog
       * lacks are otherwise not judged: an external schema (auth) is usually not introspected with the desired state.
       */
      alsoCheck: z.array(z.string()),
    }),
  },
  defaultOptions: { alsoCheck: [] as string[] },
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
      for (const { schema, name } of qualifiedCalls(bodyOf(fn.definition))) {
        const key = `${schema}.${name}`;
        if (!checked.has(schema) || exists.has(key) || relations.has(key)) continue;
        missing.add(`${key}()`);
      }
      for (const name of missing) ctx.report({ messageId: 'unresolved', target: fn.id, data: { object: describeId(fn.id), name } });
    }
  },
});
