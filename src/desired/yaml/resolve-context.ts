import type { SourceLocation, UserError } from '../../errors.ts';
import { literal, qualified } from '../../sql/quote.ts';
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

  /**
   * SQL type text; a name declared under `enums` (optionally with [] suffixes) is rendered quoted and qualified,
   * and a scalar enum type is returned so that defaults can be checked against its values.
   */
  type(text: string, path: Path): { sql: string; enum?: EnumDef } {
    const trimmed = text.trim();
    const m = /^([A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)?)((?:\[\])*)$/.exec(trimmed);
    if (m) {
      const parts = m[1]!.split('.');
      const q = parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: this.defaultSchema, name: parts[0]! };
      const found = this.enums.get(qnameKey(q));
      if (found) return { sql: qualified(q.schema, q.name) + m[2], ...(m[2] ? {} : { enum: found }) };
    }
    const problem = typeError(trimmed);
    if (problem) this.fail(problem, path);
    return { sql: trimmed };
  }

  /**
   * A column default. Numbers and booleans are written as is. For an enum column, one of the enum's values
   * written bare is that value (a bare word is no valid default otherwise) and a quoted literal must be one.
   */
  default(value: string | number | boolean, type: EnumDef | undefined, path: Path): string {
    if (typeof value !== 'string') return String(value);
    if (type) {
      if (type.values.includes(value)) return literal(value);
      const quoted = /^'((?:[^']|'')*)'$/.exec(value.trim());
      const inner = quoted?.[1]?.replaceAll("''", "'");
      if (inner !== undefined && !type.values.includes(inner)) {
        this.fail(`'${inner}' is not a value of enum ${type.id.schema}.${type.id.name}`, path, {
          hint: didYouMean(inner, type.values) ?? `values: ${type.values.join(', ')}`,
        });
      }
    }
    return this.expression(value, path);
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
