import picomatch from 'picomatch';
import type { SourceFile } from '../desired/sources.ts';
import type { SourceLocation } from '../errors.ts';
import { getObject, ofKind, type Catalog } from '../model/catalog.ts';
import { describeId, encodeId, tableOf, type ObjectId } from '../model/identity.ts';
import { partitionByBaseline, type Baseline } from './baseline.ts';
import { isActive, type LintConfig } from './config.ts';
import { fingerprintOf, type Finding, type LintResult, type RuleInfo } from './finding.ts';
import { interpolate, SEVERITY_RANK, type PlanLike, type Report, type Severity, type UnresolvedReference } from './rule.ts';
import { applySuppressions, type FindingScope, type SuppressedStatement } from './suppressions.ts';

export interface LintInput {
  readonly catalog: Catalog;
  readonly config: LintConfig;
  readonly plan?: PlanLike | null;
  /** encodeId(object) → the desired statement (or YAML node) that declares it. */
  readonly sources?: ReadonlyMap<string, SourceLocation>;
  /** Desired statements carrying `-- schemaplan-ignore` / `lintIgnore:` suppressions. */
  readonly suppressions?: readonly SuppressedStatement[];
  readonly files?: readonly SourceFile[];
  readonly unresolved?: readonly UnresolvedReference[];
  readonly baseline?: Baseline;
  /** The schemas the plan manages (config `schemas`, less external ones); `lint.schemas` overrides it. */
  readonly managedSchemas?: readonly string[];
}

/** Schemas owned by the platform (Supabase, extensions), never judged unless configured explicitly. */
const EXTERNAL_SCHEMAS = new Set(['auth', 'storage', 'extensions', 'realtime', 'graphql', 'graphql_public', 'vault', 'pgsodium', 'pgsodium_masks', 'net', 'cron', 'supabase_functions', 'supabase_migrations', 'information_schema']);

export function defaultSchemas(catalog: Catalog): string[] {
  const names = new Set(ofKind(catalog, 'schema').map((s) => s.id.name));
  if (!names.size) for (const t of ofKind(catalog, 'table')) names.add(t.id.schema);
  return [...names].filter((n) => !EXTERNAL_SCHEMAS.has(n) && !n.startsWith('pg_')).sort();
}

export function lintCatalog(input: LintInput): LintResult {
  const { catalog, config } = input;
  const schemas = config.schemas ?? input.managedSchemas ?? defaultSchemas(catalog);
  const globalIgnore = config.ignore.length ? picomatch([...config.ignore]) : null;
  const locate = (id: ObjectId | undefined) => (id && input.sources ? locationOf(id, input.sources) : undefined);
  const raw: Finding[] = [];
  const rules: RuleInfo[] = [];
  for (const rc of config.rules.values()) {
    if (!isActive(rc.severity)) continue;
    const severity: Severity = rc.severity;
    const { rule } = rc;
    rules.push({ name: rule.name, description: rule.meta.description, defaultSeverity: rule.meta.defaultSeverity, severity });
    const ruleIgnore = rc.ignore.length ? picomatch([...rc.ignore]) : null;
    const report = (r: Report<string>) => {
      // Objects are matched by name (`public.legacy_*`), findings on raw text by file (`desired/legacy/**`).
      const names = r.target ? namesFor(r.target, catalog) : r.location ? [r.location.file] : [];
      if (names.some((n) => globalIgnore?.(n) || ruleIgnore?.(n))) return;
      const template = (rule.meta.messages as Record<string, string>)[r.messageId];
      if (template === undefined) throw new Error(`rule ${rule.name} reported unknown messageId ${r.messageId}`);
      const location = r.location ?? locate(r.target);
      raw.push({
        rule: rule.name,
        severity,
        messageId: r.messageId,
        message: interpolate(template, r.data),
        ...(r.target ? { target: r.target, object: describeId(r.target) } : {}),
        ...(location ? { location } : {}),
        ...(r.fix ? { fix: r.fix } : {}),
        fingerprint: fingerprintOf({ rule: rule.name, messageId: r.messageId, ...(r.target ? { target: r.target } : {}), ...(location ? { location } : {}), ...(r.data ? { data: r.data } : {}) }),
      });
    };
    rule.check({
      catalog,
      plan: input.plan ?? null,
      options: rc.options,
      schemas,
      ...(input.sources ? { sources: input.sources } : {}),
      ...(input.files ? { files: input.files } : {}),
      ...(input.unresolved ? { unresolved: input.unresolved } : {}),
      report,
    });
  }
  const scopeOf = (f: Finding): FindingScope => {
    const locations: SourceLocation[] = [];
    if (f.location) locations.push(f.location);
    const owner = f.target ? ownerTable(f.target, catalog) : undefined;
    const ownerLocation = owner ? locate(owner) : undefined;
    if (ownerLocation) locations.push(ownerLocation);
    return { locations, ids: [f.target, owner].filter((x): x is ObjectId => !!x).map(encodeId) };
  };
  const known = new Set([...config.rules.keys()]);
  const sup = applySuppressions(raw, scopeOf, input.suppressions ?? [], known, new Set(rules.map((r) => r.name)));
  const meta = sup.meta.flatMap((f) => {
    const severity = config.suppressionRules[f.rule as keyof LintConfig['suppressionRules']];
    return isActive(severity) ? [{ ...f, severity }] : [];
  });
  const all = [...sup.kept, ...meta].sort(compareFindings);
  const { fresh, known: baselined } = partitionByBaseline(all, input.baseline);
  return { findings: fresh, suppressed: sup.suppressed, baselined, rules };
}

/** The table a column, constraint, trigger, policy, index or table grant belongs to. */
function ownerTable(id: ObjectId, catalog: Catalog): ObjectId | undefined {
  if (id.kind === 'grant') return id.on.kind === 'table' ? id.on : ownerTable(id.on, catalog);
  if (id.kind === 'index') {
    const o = getObject(catalog, id);
    return o?.kind === 'index' ? { kind: 'table', schema: id.schema, name: o.table } : undefined;
  }
  return tableOf(id) ?? undefined;
}

/** The names ignore globs are matched against: the object's own `schema.name[.sub]` and its table's. */
function namesFor(id: ObjectId, catalog: Catalog): string[] {
  switch (id.kind) {
    case 'schema':
    case 'role':
    case 'extension':
      return [id.name];
    case 'column':
    case 'constraint':
    case 'trigger':
    case 'policy':
      return [`${id.schema}.${id.table}.${id.name}`, `${id.schema}.${id.table}`];
    case 'grant':
      return namesFor(id.on, catalog);
    case 'defaultPrivilege':
      return id.schema ? [id.schema] : [];
    case 'index': {
      const o = getObject(catalog, id);
      return o?.kind === 'index' ? [`${id.schema}.${id.name}`, `${id.schema}.${o.table}`] : [`${id.schema}.${id.name}`];
    }
    default:
      return [`${id.schema}.${id.name}`];
  }
}

function locationOf(id: ObjectId, sources: ReadonlyMap<string, SourceLocation>): SourceLocation | undefined {
  const own = sources.get(encodeId(id));
  if (own) return own;
  if (id.kind === 'grant') return locationOf(id.on, sources);
  const table = tableOf(id);
  return table ? sources.get(encodeId(table)) : undefined;
}

/** The table (or top-level object) a finding belongs to, so that a table's findings sort together. */
function ownerOf(f: Finding): string {
  if (!f.target) return '';
  const on = f.target.kind === 'grant' ? f.target.on : f.target;
  const t = tableOf(on) ?? on;
  if (t.kind === 'grant' || t.kind === 'defaultPrivilege') return '';
  return 'schema' in t ? `${t.schema}.${t.name}` : t.name;
}

function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location?.file ?? '\uffff';
  const fb = b.location?.file ?? '\uffff';
  return (
    fa.localeCompare(fb) ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    ownerOf(a).localeCompare(ownerOf(b)) ||
    (a.object ?? '').localeCompare(b.object ?? '') ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}

/** `--fail-on error|warn|info|never` → exit code 3 when a counted finding is at or above the threshold. */
export function lintExitCode(result: LintResult, failOn: 'error' | 'warn' | 'info' | 'never'): 0 | 3 {
  if (failOn === 'never') return 0;
  const min = SEVERITY_RANK[failOn];
  return result.findings.some((f) => SEVERITY_RANK[f.severity] >= min) ? 3 : 0;
}
