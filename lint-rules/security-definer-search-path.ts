import { z } from 'zod';
import { ofKind } from '../src/model/catalog.ts';
import { privilegesOn } from '../src/lint/helpers.ts';
import { defineRule } from '../src/lint/rule.ts';
import { ident, qualified } from '../src/sql/quote.ts';

export default defineRule({
  name: 'security-definer-search-path',
  meta: {
    description: 'SECURITY DEFINER functions pin search_path and are not executable by PUBLIC or anonymous roles.',
    defaultSeverity: 'error',
    messages: {
      searchPath: 'SECURITY DEFINER function {{function}} does not pin search_path; a caller can shadow the objects it uses',
      exposed: 'SECURITY DEFINER function {{function}} is executable by {{roles}}',
    },
    options: z.strictObject({
      /** Grantees that must not execute definer functions; PUBLIC covers every role. */
      forbiddenGrantees: z.array(z.string()),
    }),
  },
  defaultOptions: { forbiddenGrantees: ['PUBLIC', 'anon'] },
  check(ctx) {
    const forbidden = new Set(ctx.options.forbiddenGrantees.map((g) => g.toLowerCase()));
    for (const fn of ofKind(ctx.catalog, 'function')) {
      if (!fn.securityDefiner || !ctx.schemas.includes(fn.id.schema)) continue;
      const signature = `${qualified(fn.id.schema, fn.id.name)}(${fn.id.args.join(', ')})`;
      const kind = fn.isProcedure ? 'PROCEDURE' : 'FUNCTION';
      if (!fn.config.some((c) => c.toLowerCase().startsWith('search_path='))) {
        ctx.report({ messageId: 'searchPath', target: fn.id, data: { function: signature }, fix: `ALTER ${kind} ${signature} SET search_path = '';` });
      }
      // Built-in privileges count: a definer function nobody revoked is executable by PUBLIC.
      const roles = privilegesOn(ctx.catalog, fn.id)
        .filter((g) => g.privileges.some((p) => p.toUpperCase() === 'EXECUTE') && forbidden.has(g.grantee.toLowerCase()))
        .map((g) => (g.grantee.toLowerCase() === 'public' ? 'PUBLIC' : g.grantee));
      if (roles.length) {
        const from = roles.map((r) => (r === 'PUBLIC' ? r : ident(r))).join(', ');
        ctx.report({ messageId: 'exposed', target: fn.id, data: { function: signature, roles: roles.join(', ') }, fix: `REVOKE EXECUTE ON ${kind} ${signature} FROM ${from};` });
      }
    }
  },
});
