import type { SourceLocation } from '../errors.ts';
import { encodeId, type ObjectId } from '../model/identity.ts';
import { sha256 } from '../model/fingerprint.ts';
import type { Suppression } from '../desired/sources.ts';
import type { Severity } from './rule.ts';

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  readonly target?: ObjectId;
  /** Human label of the target (`table public.users`). */
  readonly object?: string;
  readonly location?: SourceLocation;
  readonly fix?: string;
  /** Stable across line moves: rule, message id, object (or file) and data. Baselines store these. */
  readonly fingerprint: string;
}

export interface SuppressedFinding {
  readonly finding: Finding;
  readonly suppression: Suppression;
}

export interface RuleInfo {
  readonly name: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly severity: Severity;
}

export interface LintResult {
  /** Findings that count: not ignored, not suppressed in source, not in the baseline. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  /** Findings the baseline already accepted. */
  readonly baselined: readonly Finding[];
  /** The rules that ran (for SARIF's rule table and reporters). */
  readonly rules: readonly RuleInfo[];
}

export function fingerprintOf(f: {
  rule: string;
  messageId: string;
  target?: ObjectId;
  location?: SourceLocation;
  data?: Readonly<Record<string, string | number>>;
}): string {
  const where = f.target ? encodeId(f.target) : (f.location?.file ?? '');
  const data = f.data ? Object.entries(f.data).sort(([a], [b]) => a.localeCompare(b)) : [];
  return sha256(JSON.stringify([f.rule, f.messageId, where, data])).slice(0, 32);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
