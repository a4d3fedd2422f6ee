import { z } from 'zod';
import { locate } from '../src/errors.ts';
import { stripPsqlMeta } from '../src/desired/sql-format.ts';
import { scanSync } from '../src/sql/parser.ts';
import { defineRule } from '../src/lint/rule.ts';

interface Hit {
  readonly identifier: string;
  /** byte offset in the scanned text */
  readonly byte: number;
}

/**
 * Unquoted mixed-case identifiers, which Postgres folds to lower case; inside dollar-quoted bodies too.
 * All-capital words (NEW, TG_OP) are a spelling convention for keywords-like names and fold harmlessly.
 */
export function unquotedCapitals(sql: string, scanBodies: boolean): Hit[] {
  let tokens;
  try {
    tokens = scanSync(sql).tokens;
  } catch {
    return [];
  }
  const hits: Hit[] = [];
  for (const t of tokens) {
    if (t.tokenName === 'IDENT' && !t.text.startsWith('"') && /[A-Z]/.test(t.text) && /[a-z]/.test(t.text)) hits.push({ identifier: t.text, byte: t.start });
    else if (scanBodies && t.tokenName === 'SCONST' && t.text.startsWith('$')) {
      const tag = /^\$[^$]*\$/.exec(t.text)?.[0];
      if (!tag || !t.text.endsWith(tag) || t.text.length < tag.length * 2) continue;
      const body = t.text.slice(tag.length, t.text.length - tag.length);
      const offset = t.start + Buffer.byteLength(tag);
      for (const h of unquotedCapitals(body, true)) hits.push({ identifier: h.identifier, byte: offset + h.byte });
    }
  }
  return hits;
}

export default defineRule({
  name: 'unquoted-camel-case',
  meta: {
    description: 'camelCase identifiers in SQL files are double-quoted: Postgres folds an unquoted userId to userid.',
    defaultSeverity: 'error',
    messages: { unquoted: 'unquoted identifier {{identifier}} is folded to {{folded}}; write "{{identifier}}"' },
    options: z.strictObject({
      /** Also scan dollar-quoted function bodies (NEW.updatedAt in a trigger function is the classic bug). */
      functionBodies: z.boolean(),
    }),
  },
  defaultOptions: { functionBodies: true },
  check(ctx) {
    for (const file of ctx.files ?? []) {
      if (!file.path.endsWith('.sql')) continue;
      const text = stripPsqlMeta(file.text);
      const bytes = Buffer.from(text, 'utf8');
      for (const h of unquotedCapitals(text, ctx.options.functionBodies)) {
        const index = bytes.subarray(0, h.byte).toString('utf8').length;
        ctx.report({
          messageId: 'unquoted',
          location: { file: file.path, ...locate(text, index) },
          data: { identifier: h.identifier, folded: h.identifier.toLowerCase() },
          fix: `"${h.identifier}"`,
        });
      }
    }
  },
});
