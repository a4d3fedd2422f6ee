import type { Suppression } from '../desired/sources.ts';
import type { SourceLocation } from '../errors.ts';
import { encodeId, type ObjectId } from '../model/identity.ts';
import { fingerprintOf, type Finding } from './finding.ts';

/** A suppression that names the object it is about (YAML `lintIgnore:` on a table or a column). */
export type ScopedSuppression = Suppression & { readonly object?: ObjectId };

/** Where a finding is, for matching suppressions: its locations and the encoded ids it belongs to. */
export interface FindingScope {
  readonly locations: readonly SourceLocation[];
  /** The target and the objects that own it (its table). */
  readonly ids: readonly string[];
}

/** A desired statement with the suppressions written before it (a SourceStatement is one). */
export interface SuppressedStatement {
  readonly location: SourceLocation;
  /** The statement text; for .sql files it gives the line range the suppressions cover. */
  readonly sql?: string;
  readonly suppressions?: readonly ScopedSuppression[];
}

interface Site {
  readonly file: string;
  readonly from: number;
  readonly to: number;
  readonly suppression: ScopedSuppression;
  /** encodeId of the suppression's object, when it names one: then it covers that object, not a line range. */
  readonly object: string | null;
  used: boolean;
}

export interface SuppressionOutcome {
  readonly kept: Finding[];
  readonly suppressed: { finding: Finding; suppression: Suppression }[];
  /** Findings about the suppressions themselves: missing reasons, unknown rules, unused ones. */
  readonly meta: Finding[];
}

/**
 * A suppression that names its object covers findings on that object (and, for a table, on its columns,
 * constraints, policies…). Otherwise it covers findings whose location (or the location of the object's table)
 * lies within the statement it precedes: the statement's lines for SQL files, its own line for other formats.
 */
export function applySuppressions(
  findings: readonly Finding[],
  scopeOf: (f: Finding) => FindingScope,
  statements: readonly SuppressedStatement[],
  knownRules: ReadonlySet<string>,
  /** Rules that ran; a suppression of a rule turned off is not "unused". */
  activeRules: ReadonlySet<string>,
): SuppressionOutcome {
  const sites: Site[] = [];
  const meta: Finding[] = [];
  // One suppression may be attached to several statements (YAML repeats a table's lintIgnore on its foreign key,
  // index and policy statements): it is checked once, and used when any of its statements used it.
  const seen = new Set<string>();
  for (const st of statements) {
    for (const s of st.suppressions ?? []) {
      const span = st.sql && st.location.file.endsWith('.sql') ? st.sql.split('\n').length - 1 : 0;
      sites.push({ file: st.location.file, from: st.location.line, to: st.location.line + span, suppression: s, object: s.object ? encodeId(s.object) : null, used: false });
      const key = suppressionKey(s);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!s.reason.trim()) meta.push(metaFinding('missingReason', s, 'error', `suppression of "${s.rule}" has no reason; write "-- schemaplan-ignore ${s.rule}: <why>"`));
      if (!knownRules.has(s.rule)) meta.push(metaFinding('unknownRule', s, 'error', `suppression names unknown lint rule "${s.rule}"`));
    }
  }
  const kept: Finding[] = [];
  const suppressed: { finding: Finding; suppression: Suppression }[] = [];
  for (const f of findings) {
    const scope = scopeOf(f);
    const covers = (s: Site) =>
      s.object !== null ? scope.ids.includes(s.object) : scope.locations.some((l) => l.file === s.file && l.line >= s.from && l.line <= s.to);
    const site = sites.find((s) => s.suppression.rule === f.rule && covers(s));
    if (site) {
      site.used = true;
      suppressed.push({ finding: f, suppression: site.suppression });
    } else kept.push(f);
  }
  const used = new Set(sites.filter((s) => s.used).map((s) => suppressionKey(s.suppression)));
  const reported = new Set<string>();
  for (const s of sites) {
    const key = suppressionKey(s.suppression);
    if (used.has(key) || reported.has(key) || !activeRules.has(s.suppression.rule)) continue;
    reported.add(key);
    meta.push(metaFinding('unused', s.suppression, 'warn', `unused suppression: "${s.suppression.rule}" reports nothing here`));
  }
  return { kept, suppressed, meta };
}

const suppressionKey = (s: Suppression) => `${s.rule}\u0000${s.location.file}:${s.location.line}:${s.location.column}`;

function metaFinding(messageId: string, s: Suppression, severity: 'error' | 'warn', message: string): Finding {
  const rule = messageId === 'unused' ? 'unused-suppression' : 'invalid-suppression';
  const data = { rule: s.rule, line: s.location.line };
  return { rule, severity, messageId, message, location: s.location, fingerprint: fingerprintOf({ rule, messageId, location: s.location, data }) };
}
