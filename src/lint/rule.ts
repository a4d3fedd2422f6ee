import type { ZodType } from 'zod';
import type { SourceFile } from '../desired/sources.ts';
import type { SourceLocation } from '../errors.ts';
import type { Catalog } from '../model/catalog.ts';
import type { Change, Statement } from '../model/change.ts';
import type { ObjectId } from '../model/identity.ts';

export type Severity = 'error' | 'warn' | 'info';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warn: 2, error: 3 };

/** The part of a Plan that change rules read; the full Plan type lives in src/plan/. */
export interface PlanLike {
  readonly steps: readonly { readonly change: Change; readonly statements: readonly Statement[] }[];
}

/**
 * A reference the desired state makes to something that does not exist, e.g. a policy calling `auth.role()`
 * with no stub. The desired loader learns these when the shadow rejects a statement with undefined_function.
 */
export interface UnresolvedReference {
  /** The object that holds the reference (the policy, function, trigger…), when known. */
  readonly object?: ObjectId;
  /** The missing name as written, e.g. `auth.role()`. */
  readonly name: string;
  readonly location?: SourceLocation;
}

/** What a rule reports. A finding targets a catalog object, or (for raw-text rules) only a source location. */
export interface Report<M extends string> {
  readonly messageId: M;
  readonly target?: ObjectId;
  readonly location?: SourceLocation;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Suggested SQL that would fix the finding (built with src/sql/quote.ts). */
  readonly fix?: string;
}

export interface RuleContext<O, M extends string> {
  readonly catalog: Catalog;
  readonly plan: PlanLike | null;
  readonly options: O;
  /** Schemas whose objects the rules judge (externally managed schemas such as `auth` are left out). */
  readonly schemas: readonly string[];
  /** encodeId(object) → where the desired state declares it. */
  readonly sources?: ReadonlyMap<string, SourceLocation>;
  /** Raw desired source files, for rules over the text itself. */
  readonly files?: readonly SourceFile[];
  readonly unresolved?: readonly UnresolvedReference[];
  report(r: Report<M>): void;
}

export interface RuleMeta<O, M extends string> {
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Message templates with `{{placeholder}}`s filled from the report's data. */
  readonly messages: Readonly<Record<M, string>>;
  readonly options: ZodType<O>;
}

// `any` by default so that rules with different option types fit one registry (check's parameter is
// contravariant in O); each rule is typed precisely through defineRule.
export interface LintRule<O = any, M extends string = string> {
  readonly name: string;
  readonly meta: RuleMeta<O, M>;
  readonly defaultOptions: O;
  check(ctx: RuleContext<O, M>): void;
}

/** Identity helper that lets TypeScript infer a rule's option and message types. */
export function defineRule<O, M extends string>(rule: LintRule<O, M>): LintRule<O, M> {
  return rule;
}

export function interpolate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}
