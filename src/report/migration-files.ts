import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from '../sql/parser.ts';
import { splitSql } from '../desired/sql-format.ts';
import { err, lineLocator, ok, type Result, type UserError } from '../errors.ts';

/**
 * A migration file whose first line carries one of these markers is not one of the team's migrations (a
 * stand-in for DDL that ran outside the folder, e.g. `prisma db push`): it is replayed to build the target, but
 * it does not count as "a migration creates this table".
 */
export const NOT_A_MIGRATION = /schemaplan-example:\s*stand-in|schemaplan:not-a-migration/i;

export interface MigrationStatement {
  readonly file: string;
  readonly line: number;
  readonly sql: string;
  /** The parsed statement node (`{ CreateStmt: … }`), null if it does not parse alone. */
  readonly node: Record<string, unknown> | null;
}

export interface MigrationFile {
  /** Path as shown to users (relative to the working directory). */
  readonly file: string;
  readonly name: string;
  readonly team: boolean;
  readonly statements: readonly MigrationStatement[];
}

export interface CreatedTable {
  readonly file: MigrationFile;
  readonly line: number;
  readonly schema: string;
  readonly name: string;
  /** `name type` per column, in order. */
  readonly columns: readonly { name: string; type: string }[];
}

export interface CreatedFunction {
  readonly statement: MigrationStatement;
  readonly file: MigrationFile;
  readonly schema: string;
  readonly name: string;
  readonly args: readonly string[];
}

/** The .sql files of a migrations folder in byte order (the order the target is built in), split and parsed. */
export function readMigrations(dir: string): Result<MigrationFile[], UserError> {
  const out: MigrationFile[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    const full = path.join(dir, name);
    const text = readFileSync(full, 'utf8');
    const file = path.relative(process.cwd(), full) || full;
    const split = splitSql(text);
    const lineOf = lineLocator(text);
    if (!split.ok) return err({ code: 'target', message: split.error.message, location: { file, ...lineOf(split.error.index) } });
    const statements = split.value.map((s) => ({ file, line: lineOf(s.start).line, sql: s.sql, node: parseOne(s.sql) }));
    out.push({ file, name, team: !NOT_A_MIGRATION.test(text.split('\n', 1)[0] ?? ''), statements });
  }
  return ok(out);
}

function parseOne(sql: string): Record<string, unknown> | null {
  try {
    return (parseSync(sql).stmts?.[0]?.stmt as Record<string, unknown> | undefined) ?? null;
  } catch {
    return null;
  }
}

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- libpg-query's JSON AST
const svals = (names: readonly Node[] | undefined): string[] => (names ?? []).map((n) => String(n['String']?.sval ?? ''));

function typeName(t: Node | undefined): string {
  const names = svals(t?.['names']).filter((n) => n !== 'pg_catalog');
  return names.join('.') + (t?.['arrayBounds']?.length ? '[]' : '');
}

// The parser's internal names → format_type's, so that argument lists match catalog identities.
const FORMAT_TYPE: Readonly<Record<string, string>> = {
  int2: 'smallint', int4: 'integer', int8: 'bigint', bool: 'boolean', float4: 'real', float8: 'double precision',
  varchar: 'character varying', bpchar: 'character', timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone', timetz: 'time with time zone', time: 'time without time zone',
};

export function createdTables(files: readonly MigrationFile[]): CreatedTable[] {
  const out: CreatedTable[] = [];
  for (const file of files) {
    for (const s of file.statements) {
      const c = s.node?.['CreateStmt'] as Node | undefined;
      if (!c) continue;
      const columns = ((c['tableElts'] ?? []) as Node[]).filter((e) => e['ColumnDef']).map((e) => ({ name: String(e['ColumnDef'].colname), type: typeName(e['ColumnDef'].typeName) }));
      out.push({ file, line: s.line, schema: c['relation']?.schemaname ?? 'public', name: String(c['relation']?.relname), columns });
    }
  }
  return out;
}

export function createdFunctions(files: readonly MigrationFile[]): CreatedFunction[] {
  const out: CreatedFunction[] = [];
  for (const file of files) {
    for (const s of file.statements) {
      const f = s.node?.['CreateFunctionStmt'] as Node | undefined;
      if (!f) continue;
      const names = svals(f['funcname']);
      const args = ((f['parameters'] ?? []) as Node[]).map((p) => p['FunctionParameter']).filter((p) => p && p.mode !== 'FUNC_PARAM_OUT' && p.mode !== 'FUNC_PARAM_TABLE').map((p) => typeName(p.argType)).map((t) => FORMAT_TYPE[t] ?? t);
      out.push({ statement: s, file, schema: names.length > 1 ? names[0]! : 'public', name: names.at(-1)!, args });
    }
  }
  return out;
}

/** Tables a statement gives RLS or policies to (`alter table … enable row level security`, `create policy … on`). */
export function rlsTableOf(s: MigrationStatement): string | null {
  const policy = s.node?.['CreatePolicyStmt'] as Node | undefined;
  if (policy) return policy['table']?.relname ?? null;
  const alter = s.node?.['AlterTableStmt'] as Node | undefined;
  const cmds = ((alter?.['cmds'] ?? []) as Node[]).map((c) => c['AlterTableCmd']?.subtype);
  if (alter && cmds.some((t) => t === 'AT_EnableRowSecurity' || t === 'AT_ForceRowSecurity')) return alter['relation']?.relname ?? null;
  return null;
}

export interface PolicyText {
  readonly statement: MigrationStatement;
  readonly name: string;
  readonly table: string;
  readonly text: string;
}

/**
 * `create policy` statements by text search, so that policies inside DO blocks and guarded statements (which
 * the parser sees only as a string) count too.
 */
export function policyTexts(files: readonly MigrationFile[]): PolicyText[] {
  const re = /create\s+policy\s+("(?:[^"]|"")*"|[a-z_][a-z0-9_$]*)\s+on\s+((?:"[^"]+"|[a-z_][a-z0-9_$]*)(?:\.(?:"[^"]+"|[a-z_][a-z0-9_$]*))?)([\s\S]*?)(?:;|$)/gi;
  const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s.toLowerCase());
  const out: PolicyText[] = [];
  for (const file of files) {
    for (const s of file.statements) {
      for (const m of s.sql.matchAll(re)) {
        const table = m[2]!.split('.').map(unquote).at(-1)!;
        out.push({ statement: s, name: unquote(m[1]!), table, text: m[3]! });
      }
    }
  }
  return out;
}
