import { parseSync } from '../sql/parser.ts';
import type { SourceStatement } from '../desired/sources.ts';
import { locate, type SourceLocation } from '../errors.ts';
import { ofKind, type Catalog } from '../model/catalog.ts';
import { encodeId, type ObjectId } from '../model/identity.ts';
import type { UnresolvedReference } from './rule.ts';

type Node = Record<string, any>;

interface FunctionName {
  readonly kind: 'functionName';
  readonly schema: string;
  readonly name: string;
}

/** An object a statement declares, with the byte offset (in the statement) of its own definition, if any. */
interface Declared {
  /** Functions are named without their argument types, which only the catalog knows in normalized form. */
  readonly id: ObjectId | FunctionName;
  readonly offset?: number;
}

const DEFAULT_SCHEMA = 'public';
const rel = (r: Node) => ({ schema: (r.schemaname as string | undefined) ?? DEFAULT_SCHEMA, name: r.relname as string });
const qname = (names: Node[]) => {
  const parts = names.map((n) => n['String']?.sval as string);
  return parts.length > 1 ? { schema: parts[0]!, name: parts[1]! } : { schema: DEFAULT_SCHEMA, name: parts[0]! };
};

/** What a statement creates (tables with their columns and named constraints, indexes, policies, …). */
export function declaredBy(sql: string): Declared[] {
  let stmt: Node | undefined;
  try {
    stmt = parseSync(sql).stmts?.[0]?.stmt as Node | undefined;
  } catch {
    return [];
  }
  if (!stmt) return [];
  const [kind, node] = Object.entries(stmt)[0] as [string, Node];
  switch (kind) {
    case 'CreateStmt': {
      const t = rel(node.relation);
      const out: Declared[] = [{ id: { kind: 'table', ...t } }];
      for (const e of (node.tableElts ?? []) as Node[]) {
        const col = e['ColumnDef'];
        if (col) {
          out.push({ id: { kind: 'column', schema: t.schema, table: t.name, name: col.colname }, offset: col.location });
          for (const c of (col.constraints ?? []) as Node[]) if (c['Constraint']?.conname) out.push({ id: { kind: 'constraint', schema: t.schema, table: t.name, name: c['Constraint'].conname }, offset: c['Constraint'].location });
        }
        const con = e['Constraint'];
        if (con?.conname) out.push({ id: { kind: 'constraint', schema: t.schema, table: t.name, name: con.conname }, offset: con.location });
      }
      return out;
    }
    case 'AlterTableStmt': {
      const t = rel(node.relation);
      const out: Declared[] = [];
      for (const c of (node.cmds ?? []) as Node[]) {
        const cmd = c['AlterTableCmd'];
        const col = cmd?.def?.ColumnDef;
        const con = cmd?.def?.Constraint;
        if (cmd?.subtype === 'AT_AddColumn' && col) out.push({ id: { kind: 'column', schema: t.schema, table: t.name, name: col.colname }, offset: col.location });
        if (cmd?.subtype === 'AT_AddConstraint' && con?.conname) out.push({ id: { kind: 'constraint', schema: t.schema, table: t.name, name: con.conname }, offset: con.location });
      }
      return out;
    }
    case 'IndexStmt':
      return node.idxname ? [{ id: { kind: 'index', schema: rel(node.relation).schema, name: node.idxname } }] : [];
    case 'CreatePolicyStmt': {
      const t = rel(node.table);
      return [{ id: { kind: 'policy', schema: t.schema, table: t.name, name: node.policy_name } }];
    }
    case 'CreateTrigStmt': {
      const t = rel(node.relation);
      return [{ id: { kind: 'trigger', schema: t.schema, table: t.name, name: node.trigname } }];
    }
    case 'CreateFunctionStmt':
      return [{ id: { kind: 'functionName', ...qname(node.funcname) } }];
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return [{ id: { kind: 'type', ...qname(node.typeName) } }];
    case 'CreateDomainStmt':
      return [{ id: { kind: 'type', ...qname(node.domainname) } }];
    case 'CompositeTypeStmt':
      return [{ id: { kind: 'type', ...rel(node.typevar) } }];
    case 'ViewStmt':
      return [{ id: { kind: 'view', ...rel(node.view) } }];
    case 'CreateTableAsStmt':
      return node.objtype === 'OBJECT_MATVIEW' ? [{ id: { kind: 'matview', ...rel(node.into.rel) } }] : [{ id: { kind: 'table', ...rel(node.into.rel) } }];
    case 'CreateSeqStmt':
      return [{ id: { kind: 'sequence', ...rel(node.sequence) } }];
    case 'CreateSchemaStmt':
      return [{ id: { kind: 'schema', name: node.schemaname } }];
    default:
      return [];
  }
}

/**
 * encodeId → where the desired state declares the object: the first statement that creates it, and for
 * columns and named constraints of SQL files their own line. YAML statements are generated SQL, so their
 * objects get the statement's (YAML node's) location. Functions match every overload of the name.
 */
export function buildSourceMap(statements: readonly SourceStatement[], catalog: Catalog): Map<string, SourceLocation> {
  const map = new Map<string, SourceLocation>();
  const functions = ofKind(catalog, 'function');
  for (const s of statements) {
    const precise = s.location.file.endsWith('.sql');
    const bytes = Buffer.from(s.sql, 'utf8');
    for (const d of declaredBy(s.sql)) {
      let at = s.location;
      if (precise && d.offset !== undefined && d.offset >= 0) {
        const within = locate(s.sql, bytes.subarray(0, d.offset).toString('utf8').length);
        at = within.line === 1 ? { ...s.location, column: s.location.column + within.column - 1 } : { file: s.location.file, line: s.location.line + within.line - 1, column: within.column };
      }
      const id = d.id;
      const ids: ObjectId[] = id.kind === 'functionName' ? functions.filter((f) => f.id.schema === id.schema && f.id.name === id.name).map((f) => f.id) : [id];
      for (const one of ids) {
        const key = encodeId(one);
        if (!map.has(key)) map.set(key, at);
      }
    }
  }
  return map;
}

/**
 * A desired statement the shadow rejected because a function does not exist (SQLSTATE 42883), as an
 * unresolved reference of the object the statement declares: `policy … calls auth.role()`.
 */
export function unresolvedFromError(statement: SourceStatement, error: { code?: string; message: string }): UnresolvedReference | null {
  if (error.code !== '42883') return null;
  const name = /function (.+?) does not exist/.exec(error.message)?.[1] ?? error.message;
  const declared = declaredBy(statement.sql)[0];
  const object = declared && declared.id.kind !== 'functionName' ? declared.id : undefined;
  return { name, location: statement.location, ...(object ? { object } : {}) };
}
