import type { Suppression } from '../desired/sources.ts';
import type { SourceLocation } from '../errors.ts';
import { fingerprintOf, type Finding } from './finding.ts';

/** A desired statement with the suppressions written before it (a SourceStatement is one). */
export interface SuppressedStatement {
  readonly location: SourceLocation;
  /** The statement text; for .sql files it gives the line range the suppressions cover. */
  readonly sql?: string;
  readonly suppressions?: readonly Suppression[];
}

interface Site {
  readonly file: string;
  readonly from: number;
  readonly to: number;
  readonly suppression: Suppression;
  used: boolean;
}

export interface SuppressionOutcome {
  readonly kept: Finding[];
  readonly suppressed: { finding: Finding; suppression: Suppression }[];
  /** Findings about the suppressions themselves: missing reasons, unknown rules, unused ones. */
  readonly meta: Finding[];
}

/**
 * A suppression covers findings whose location (or the location of the object's table) lies within the
 * statement it precedes: the statement's lines for SQL files, the statement's own line for other formats
 * (a YAML `lintIgnore:` sits on the object it suppresses).
 */
export function applySuppressions(
  findings: readonly Finding[],
  candidates: (f: Finding) => readonly SourceLocation[],
  statements: readonly SuppressedStatement[],
  knownRules: ReadonlySet<string>,
  /** Rules that ran; a suppression of a rule turned off is not "unused". */
  activeRules: ReadonlySet<string>,
): SuppressionOutcome {
  const sites: Site[] = [];
  const meta: Finding[] = [];
  for (const st of statements) {
    for (const s of st.suppressions ?? []) {
      const span = st.sql && st.location.file.endsWith('.sql') ? st.sql.split('\n').length - 1 : 0;
      sites.push({ file: st.location.file, from: st.location.line, to: st.location.line + span, suppression: s, used: false });
      if (!s.reason.trim()) meta.push(metaFinding('missingReason', s, 'error', `suppression of "${s.rule}" has no reason; write "-- schemaplan-ignore ${s.rule}: <why>"`));
      if (!knownRules.has(s.rule)) meta.push(metaFinding('unknownRule', s, 'error', `suppression names unknown lint rule "${s.rule}"`));
    }
  }
  const kept: Finding[] = [];
  const suppressed: { finding: Finding; suppression: Suppression }[] = [];
  for (const f of findings) {
    const where = candidates(f);
    const site = sites.find((s) => s.suppression.rule === f.rule && where.some((l) => l.file === s.file && l.line >= s.from && l.line <= s.to));
    if (site) {
      site.used = true;
      suppressed.push({ finding: f, suppression: site.suppression });
    } else kept.push(f);
  }
  for (const s of sites) {
    if (!s.used && activeRules.has(s.suppression.rule)) {
      meta.push(metaFinding('unused', s.suppression, 'warn', `unused suppression: "${s.suppression.rule}" reports nothing here`));
    }
  }
  return { kept, suppressed, meta };
}

function metaFinding(messageId: string, s: Suppression, severity: 'error' | 'warn', message: string): Finding {
  const rule = messageId === 'unused' ? 'unused-suppression' : 'invalid-suppression';
  const data = { rule: s.rule, line: s.location.line };
  return { rule, severity, messageId, message, location: s.location, fingerprint: fingerprintOf({ rule, messageId, location: s.location, data }) };
}
