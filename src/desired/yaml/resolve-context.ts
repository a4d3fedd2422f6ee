import type { SourceLocation, UserError } from '../../errors.ts';
import { qualified } from '../../sql/quote.ts';
import type { Suppression } from '../sources.ts';
import { didYouMean } from './did-you-mean.ts';
import type { Path, YamlLocator } from './locate.ts';
import { qnameKey, type EnumDef, type QName } from './model.ts';
import { expressionError, typeError } from './sql-check.ts';

/** What resolving one file's objects needs: where nodes are, the file's default schema, the enums, an error sink. */
export class ResolveContext {
  constructor(
    readonly where: YamlLocator,
    readonly defaultSchema: string,
    private readonly enums: ReadonlyMap<string, EnumDef>,
    private readonly errors: UserError[],
  ) {}

  fail(message: string, path: Path, opts: { hint?: string | undefined; onKey?: boolean; object?: string } = {}): void {
    this.errors.push({
      code: 'desired-yaml',
      message,
      location: opts.onKey ? this.where.keyAt(path) : this.where.at(path),
      ...(opts.object ? { object: opts.object } : {}),
      ...(opts.hint ? { hint: opts.hint } : {}),
    });
  }

  failAt(message: string, location: SourceLocation, hint?: string): void {
    this.errors.push({ code: 'desired-yaml', message, location, ...(hint ? { hint } : {}) });
  }

  /** `name` or `schema.name`. */
  qname(text: string, path: Path, onKey = false): QName | undefined {
    const parts = text.split('.');
    if (parts.length > 2 || parts.some((p) => p === '')) {
      this.fail(`"${text}" is not a name: write name or schema.name`, path, { onKey });
      return undefined;
    }
    return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: this.defaultSchema, name: parts[0]! };
  }

  /** `table`, `table.column` or `schema.table.column`. */
  reference(text: string, path: Path): { table: QName; column?: string } | undefined {
    const parts = text.split('.');
    if (parts.length > 3 || parts.some((p) => p === '')) {
      this.fail(`"${text}" is not a reference: write table, table.column or schema.table.column`, path);
      return undefined;
    }
    if (parts.length === 3) return { table: { schema: parts[0]!, name: parts[1]! }, column: parts[2]! };
    const table = { schema: this.defaultSchema, name: parts[0]! };
    return parts.length === 2 ? { table, column: parts[1]! } : { table };
  }

  /** SQL type text; a name declared under `enums` (optionally with [] suffixes) is rendered quoted and qualified. */
  type(text: string, path: Path): string {
    const trimmed = text.trim();
    const m = /^([A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)?)((?:\[\])*)$/.exec(trimmed);
    if (m) {
      const parts = m[1]!.split('.');
      const q = parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: this.defaultSchema, name: parts[0]! };
      if (this.enums.has(qnameKey(q))) return qualified(q.schema, q.name) + m[2];
    }
    const problem = typeError(trimmed);
    if (problem) this.fail(problem, path);
    return trimmed;
  }

  expression(text: string, path: Path): string {
    const problem = expressionError(text);
    if (problem) this.fail(problem, path);
    return text.trim();
  }

  suppressions(lintIgnore: Readonly<Record<string, string>> | undefined, path: Path): Suppression[] {
    return Object.entries(lintIgnore ?? {}).map(([rule, reason]) => ({
      rule,
      reason,
      location: this.where.keyAt([...path, rule]),
    }));
  }

  /** Report `name` when it is not one of `known` (a column of the table being resolved). */
  known(name: string, known: ReadonlySet<string>, path: Path, what: string, onKey = false): void {
    if (known.has(name)) return;
    this.fail(`unknown column "${name}" in ${what}`, path, { hint: didYouMean(name, known), onKey });
  }
}
