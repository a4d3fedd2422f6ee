import type { DesiredCatalog } from '../desired/build.ts';
import { columnsOf, getObject, ofKind, type Catalog } from '../model/catalog.ts';
import { encodeId, type IdOf } from '../model/identity.ts';
import { createdFunctions, createdTables, policyTexts, rlsTableOf, type MigrationFile } from './migration-files.ts';
import type { SectionBuilder } from './model.ts';
import { createTableSql } from './table-ddl.ts';

export interface MigrationContext {
  readonly files: readonly MigrationFile[];
  readonly current: Catalog;
  readonly desired: DesiredCatalog;
  readonly schemas: readonly string[];
  /** encodeId → the plan's SQL for that object. */
  readonly planSql: ReadonlyMap<string, string>;
}

const tableKey = (schema: string, name: string) => `${schema}.${name}`;
const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');

/** encodeId of each table and function the migrations create → the first `file:line` creating it. */
export function creationSites(files: readonly MigrationFile[]): Map<string, string> {
  const out = new Map<string, string>();
  const site = (key: string, file: string, line: number) => out.has(key) || out.set(key, `\`${file}:${line}\``);
  for (const t of createdTables(files)) site(encodeId({ kind: 'table', schema: t.schema, name: t.name }), t.file.file, t.line);
  for (const f of createdFunctions(files)) site(encodeId({ kind: 'function', schema: f.schema, name: f.name, args: f.args }), f.file.file, f.statement.line);
  return out;
}

/** The migration folder's text against the target and the desired state: what the team's files never say. */
export function addMigrationItems(ctx: MigrationContext, into: SectionBuilder): void {
  missingTables(ctx, into);
  missingColumns(ctx, into);
  conflictingTables(ctx, into);
  unusedFunctions(ctx, into);
}

function missingTables(ctx: MigrationContext, into: SectionBuilder): void {
  const team = ctx.files.filter((f) => f.team);
  const createdByTeam = new Set(createdTables(team).map((t) => tableKey(t.schema, t.name)));
  const standIns = new Map(createdTables(ctx.files.filter((f) => !f.team)).map((t) => [tableKey(t.schema, t.name), t.file.file]));
  const tables = new Map<string, IdOf<'table'>>();
  for (const c of [ctx.current, ctx.desired.catalog]) for (const t of ofKind(c, 'table')) if (ctx.schemas.includes(t.id.schema)) tables.set(tableKey(t.id.schema, t.id.name), t.id);
  for (const [key, id] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
    if (createdByTeam.has(key)) continue;
    const rlsFiles = [...new Set(team.flatMap((f) => f.statements.filter((s) => rlsTableOf(s) === id.name).map(() => f.file)))];
    const inDesired = getObject(ctx.desired.catalog, id) !== undefined;
    const inTarget = getObject(ctx.current, id) !== undefined;
    const where = inDesired && inTarget ? 'in the desired state and the target' : inDesired ? 'in the desired state' : 'in the target';
    const rls = rlsFiles.length ? `only RLS policies exist in migrations (${list(rlsFiles)}), no CREATE TABLE` : 'not created in migrations';
    const standIn = standIns.get(key) ? `; created only by ${list([standIns.get(key)!])}, which is not a team migration` : '';
    const ddl = inDesired ? createTableSql(ctx.desired.catalog, id) : null;
    const fix = ddl ? `add a migration that creates it as the desired state declares:\n${ddl}` : `not desired: the plan drops it\n${ctx.planSql.get(encodeId(id)) ?? ''}`.trim();
    into.add('Missing in Migrations', 'Tables', { object: `table ${key}`, message: `${where}, but ${rls}${standIn}`, fix, source: 'migrations' });
    if (rlsFiles.length) {
      into.add('RLS Policy Gaps', 'Missing Policies', { object: `table ${key}`, message: `policies exist in ${list(rlsFiles)} but no team migration creates the table (it may not exist where only the migrations ran)`, fix: 'create the table in a migration (its DDL is under "Missing in Migrations")', source: 'migrations' });
    }
  }
}

/** Quoted identifiers in policies (a text search, so policies inside DO blocks count) that the policy's table lacks. */
function missingColumns(ctx: MigrationContext, into: SectionBuilder): void {
  const seen = new Set<string>();
  for (const p of policyTexts(ctx.files)) {
    const schema = ctx.schemas.find((s) => getObject(ctx.current, { kind: 'table', schema: s, name: p.table }));
    if (!schema) continue;
    const has = (table: string, column: string) => columnsOf(ctx.current, { kind: 'table', schema, name: table }).some((c) => c.id.name === column);
    // Tables named in subqueries may own the identifier instead of the policy's table.
    const others = [...p.text.matchAll(/\bfrom\s+(?:[a-z_]+\.)?"?([a-z_][a-z0-9_]*)"?/gi)].map((m) => m[1]!);
    for (const m of p.text.matchAll(/(?<![.\w"])"([A-Za-z_][A-Za-z0-9_]*)"/g)) {
      const column = m[1]!;
      const key = `${schema}.${p.table}.${column}`;
      if (seen.has(key) || has(p.table, column) || others.some((t) => has(t, column))) continue;
      seen.add(key);
      const fix = ctx.planSql.get(encodeId({ kind: 'column', schema, table: p.table, name: column }));
      into.add('Missing in Migrations', 'Columns', {
        object: `column ${key}`,
        message: `referenced in RLS policy "${p.name}" (${p.statement.file}:${p.statement.line}, found by a text search for the quoted identifier) but not in the table definition`,
        ...(fix ? { fix } : { fix: `add "${column}" to ${schema}.${p.table} or remove it from the policy` }),
        source: `migrations ${p.statement.file}:${p.statement.line}`,
      });
    }
  }
}

/** The same table created by several files with different column lists. */
function conflictingTables(ctx: MigrationContext, into: SectionBuilder): void {
  const byTable = new Map<string, ReturnType<typeof createdTables>>();
  for (const t of createdTables(ctx.files)) byTable.set(tableKey(t.schema, t.name), [...(byTable.get(tableKey(t.schema, t.name)) ?? []), t]);
  for (const [key, defs] of byTable) {
    const shapes = new Set(defs.map((d) => d.columns.map((c) => c.name).join(',')));
    if (defs.length < 2 || shapes.size < 2) continue;
    const [schema, name] = [defs[0]!.schema, defs[0]!.name];
    const live = columnsOf(ctx.current, { kind: 'table', schema, name }).map((c) => c.id.name);
    const matches = (d: (typeof defs)[number]) => live.length === d.columns.length && d.columns.every((c) => live.includes(c.name));
    const kept = defs.find(matches);
    const describe = (d: (typeof defs)[number]) => `\`${d.file.file}:${d.line}\` creates \`${name}\` with schema: \`(${d.columns.map((c) => `${c.name} ${c.type}`).join(', ')})\`${d === kept ? ' (the one the target has)' : ''}`;
    for (const alt of defs.filter((d) => d !== kept)) {
      into.add('Obsolete in Target', 'Conflicting Definitions in Migrations', {
        object: `table ${key}`,
        message: `alternative schema: ${defs.map(describe).join('; ')}`,
        fix: `remove the alternative CREATE TABLE from \`${alt.file.file}\`${kept ? `: the target's \`${name}\` comes from \`${kept.file.file}\`` : ''}; the desired state decides the shape, and the plan reaches it`,
        source: `migrations ${alt.file.file}:${alt.line}`,
      });
    }
  }
}

/** Functions created in team migrations that no other statement of any migration mentions. */
function unusedFunctions(ctx: MigrationContext, into: SectionBuilder): void {
  const all = ctx.files.flatMap((f) => f.statements);
  // Statements about the function itself are not uses of it.
  const aboutFunctions = (node: Record<string, unknown> | null) => !!node && ['CreateFunctionStmt', 'GrantStmt', 'AlterFunctionStmt', 'DropStmt', 'CommentStmt', 'AlterOwnerStmt'].some((k) => k in node);
  const users = all.filter((s) => !aboutFunctions(s.node));
  const fnBodies = all.filter((s) => s.node && 'CreateFunctionStmt' in s.node);
  for (const fn of createdFunctions(ctx.files.filter((f) => f.team))) {
    const call = new RegExp(`(?<![\\w$])(?:"?${fn.schema}"?\\.)?"?${fn.name}"?\\s*\\(`, 'i');
    const used = users.some((s) => call.test(s.sql)) || fnBodies.some((s) => s !== fn.statement && call.test(s.sql.replace(/^[\s\S]*?\bas\b/i, '')));
    if (used) continue;
    const id = { kind: 'function' as const, schema: fn.schema, name: fn.name, args: fn.args };
    const drop = ctx.planSql.get(encodeId(id));
    const desired = getObject(ctx.desired.catalog, id) !== undefined;
    into.add('Obsolete in Target', 'Functions That May Not Be Used', {
      object: `function ${fn.schema}.${fn.name}(${fn.args.join(', ')})`,
      message: `created in \`${fn.file.file}:${fn.statement.line}\` but may not be used: no policy, trigger, default, view or other function body in the migrations calls it`,
      fix: desired ? 'the desired state keeps it: document who calls it' : drop ? `not in the desired state; the plan drops it:\n${drop}` : 'drop it or document who calls it',
      source: `migrations ${fn.file.file}:${fn.statement.line}`,
    });
  }
}
