import { parseSync } from '../sql/parser.ts';
import { err, lineLocator, locate, ok, type Result, type UserError } from '../errors.ts';
import { mayNameRoles, rolesIn } from './roles.ts';
import type { RenameHint, SourceFile, SourceFormat, SourceStatement, Suppression } from './sources.ts';

const RENAMED_FROM = /^--\s*schemaplan:renamed-from\s+(.+?)\s*$/;
const IGNORE = /^--\s*schemaplan-ignore\s+([a-z0-9-]+)\s*(?::\s*(.*?))?\s*$/;

/** Plain SQL files: split with libpg-query, keeping each statement's file:line:column and its annotations. */
export const sqlFormat: SourceFormat = {
  name: 'sql',
  extensions: ['.sql'],
  compile(files) {
    const statements: SourceStatement[] = [];
    const errors: UserError[] = [];
    for (const file of files) {
      const r = splitSqlFile(file);
      if (r.ok) statements.push(...r.value);
      else errors.push(r.error);
    }
    return errors.length ? err(errors) : ok(statements);
  },
};

export interface RawStatement {
  readonly sql: string;
  /** string index of the statement's first token in the file */
  readonly start: number;
  /** comment lines directly before the statement */
  readonly comments: readonly { text: string; index: number }[];
  /** role names it mentions, read from the parse tree the split made anyway */
  readonly roles: readonly string[];
  /** the parse tree's node type (`CreateStmt`, `CreatedbStmt`, …) */
  readonly kind: string;
}

/**
 * Statements making objects the catalog queries do not read, and that nothing else in a schema is built on: in a
 * desired state they would run in the shadow and never be planned, so an apply would report success without
 * them. (Collations, text search configurations, operators and casts are not here: columns and indexes of the
 * desired state may use them, so they run in the shadow; the target must get them some other way, see
 * docs/conformance.md.)
 */
const UNMANAGED: Readonly<Record<string, string>> = {
  RuleStmt: 'CREATE RULE',
  CreatePublicationStmt: 'CREATE PUBLICATION',
  AlterPublicationStmt: 'ALTER PUBLICATION',
  CreateEventTrigStmt: 'CREATE EVENT TRIGGER',
  CreateStatsStmt: 'CREATE STATISTICS',
};


/**
 * The first statement of a desired state that makes an object schemaplan does not manage, as an error at its
 * location: the SQL format marks them (`unmanaged`) for every file it compiles, a migrations folder's or a dump's
 * too, which are loaded as they are and never planned from.
 */
export function refuseUnmanaged(statements: readonly SourceStatement[]): Result<void, UserError> {
  const s = statements.find((x) => x.unmanaged);
  if (!s) return ok(undefined);
  return err({
    code: 'desired-sql',
    message: `${s.unmanaged} is not managed by schemaplan: it would never be planned or applied, and a plan would not say so`,
    location: s.location,
    hint: 'keep it in a migration of its own, outside the desired state',
  });
}

/**
 * Statements that act on the server, not on one database's schema: run in a shadow on a server, they would create
 * databases or roles there that outlive the run. The desired state (and a migrations folder or dump read into a
 * shadow) may not contain them.
 */
const OUTSIDE_SCHEMA: Readonly<Record<string, { what: string; role?: true }>> = {
  CreatedbStmt: { what: 'CREATE DATABASE' },
  DropdbStmt: { what: 'DROP DATABASE' },
  AlterDatabaseStmt: { what: 'ALTER DATABASE' },
  AlterDatabaseSetStmt: { what: 'ALTER DATABASE' },
  AlterSystemStmt: { what: 'ALTER SYSTEM' },
  CreateTableSpaceStmt: { what: 'CREATE TABLESPACE' },
  DropTableSpaceStmt: { what: 'DROP TABLESPACE' },
  AlterTableSpaceOptionsStmt: { what: 'ALTER TABLESPACE' },
  CreateSubscriptionStmt: { what: 'CREATE SUBSCRIPTION' },
  CreateRoleStmt: { what: 'CREATE ROLE', role: true },
  AlterRoleStmt: { what: 'ALTER ROLE', role: true },
  AlterRoleSetStmt: { what: 'ALTER ROLE', role: true },
  DropRoleStmt: { what: 'DROP ROLE', role: true },
  GrantRoleStmt: { what: 'GRANT or REVOKE of a role', role: true },
};

/** Split SQL text into statements; string indices (not bytes) of each statement's first token. */
/**
 * Pieces parsed at a time. libpg-query returns the whole parse tree as JSON: for a 10,000-table file that is
 * gigabytes. Large texts are cut after a `;` that ends a line, and a piece that does not parse on its own (the cut
 * fell inside a function body or a string) is grown to the next such cut until it does.
 */
const PIECE = 128 * 1024;

/** Shared by the (many) statements that name no role. */
const NO_ROLES: readonly string[] = Object.freeze([]);

export function splitSql(text: string): Result<RawStatement[], { message: string; index: number }> {
  const cleaned = stripPsqlMeta(text);
  if (!hasTokens(cleaned)) return ok([]);
  const out: RawStatement[] = [];
  let start = 0;
  while (start < cleaned.length) {
    let cut = nextCut(cleaned, start + PIECE);
    for (;;) {
      const piece = splitPiece(cleaned.slice(start, cut), start);
      if (piece.ok) {
        out.push(...piece.value);
        break;
      }
      if (cut >= cleaned.length) return piece;
      cut = nextCut(cleaned, cut + 1);
    }
    start = cut;
  }
  return ok(out);
}

/** The index just after the first `;` that ends a line at or after `from` (or the end of the text). */
function nextCut(text: string, from: number): number {
  if (from >= text.length) return text.length;
  const i = text.indexOf(';\n', from);
  return i === -1 ? text.length : i + 1;
}

function splitPiece(text: string, offset: number): Result<RawStatement[], { message: string; index: number }> {
  if (!hasTokens(text)) return ok([]);
  let parsed;
  try {
    parsed = parseSync(text);
  } catch (e) {
    const details = (e as { sqlDetails?: { cursorPosition?: number; message?: string } }).sqlDetails;
    const byte = details?.cursorPosition ?? 0;
    return err({ message: details?.message ?? (e as Error).message, index: offset + byteToIndex(text, byte) });
  }
  const buf = Buffer.from(text, 'utf8');
  const toIndex = byteIndexer(buf);
  const out: RawStatement[] = [];
  // Comments before a statement live between the previous statement's end and its first token; libpg-query
  // does not agree across versions on whether stmt_location includes them, so read the whole gap.
  let prevEndByte = 0;
  for (const s of parsed.stmts ?? []) {
    const startByte = s.stmt_location ?? 0;
    const endByte = s.stmt_len ? startByte + s.stmt_len : buf.length;
    const gapStart = Math.min(prevEndByte, startByte);
    prevEndByte = endByte + 1;
    const raw = buf.subarray(gapStart, endByte).toString('utf8');
    const base = offset + toIndex(gapStart);
    const { body, offset: within, comments } = leadingComments(raw.replace(/^;/, ' '));
    if (!body.trim()) continue;
    const sql = body.trim();
    const roles = mayNameRoles(sql) ? rolesIn(s.stmt) : NO_ROLES;
    out.push({ sql, start: base + within, comments: comments.map((c) => ({ text: c.text, index: base + c.index })), roles, kind: Object.keys(s.stmt ?? {})[0] ?? '' });
  }
  return ok(out);
}

/**
 * The parser quotes the text from the error on (`unterminated quoted string at or near "'abc);⏎create table …"`,
 * to the end of the file): its first line is the one the location points at.
 */
function oneLine(message: string): string {
  return message.replace(/ at or near "([\s\S]*)"$/, (_, near: string) => ` at or near "${near.includes('\n') ? `${near.split('\n')[0]}…` : near}"`);
}

function splitSqlFile(file: SourceFile): Result<SourceStatement[], UserError> {
  const split = splitSql(file.text);
  if (!split.ok) {
    const { line, column } = locate(file.text, split.error.index);
    return err({ code: 'desired-sql', message: oneLine(split.error.message), location: { file: file.path, line, column } });
  }
  const at = lineLocator(file.text);
  const outside = split.value.find((s) => OUTSIDE_SCHEMA[s.kind]);
  if (outside) {
    const { what, role } = OUTSIDE_SCHEMA[outside.kind]!;
    return err({
      code: 'desired-sql',
      message: `${what} acts on the server, not on a schema: schemaplan plans one database's objects`,
      location: { file: file.path, ...at(outside.start) },
      hint: role
        ? 'roles are managed outside schemaplan: create them on the server, or list them under external.roles in schemaplan.yaml (a role the desired state grants to is created in the shadow when missing)'
        : 'remove it from the file; create databases and change server settings outside schemaplan',
    });
  }
  const out: SourceStatement[] = [];
  for (const s of split.value) {
    const { line, column } = at(s.start);
    const renames: RenameHint[] = [];
    const suppressions: Suppression[] = [];
    for (const c of s.comments) {
      const where = { file: file.path, ...at(c.index) };
      const rename = RENAMED_FROM.exec(c.text);
      if (rename) {
        const hint = renameHintFor(s.sql, rename[1]!);
        if (typeof hint === 'string') return err({ code: 'desired-sql', message: `renamed-from ${rename[1]}: ${hint}`, location: where });
        if (hint) renames.push(hint);
      }
      const ignore = IGNORE.exec(c.text);
      if (ignore) suppressions.push({ rule: ignore[1]!, reason: ignore[2] ?? '', location: where });
    }
    out.push({
      sql: s.sql,
      location: { file: file.path, line, column },
      roles: s.roles,
      ...(UNMANAGED[s.kind] ? { unmanaged: UNMANAGED[s.kind] } : {}),
      ...(renames.length ? { renames } : {}),
      ...(suppressions.length ? { suppressions } : {}),
    });
  }
  return ok(out);
}

/** `name`, `"Name"`, `schema.name`, `"Schema"."Name"` → its parts, unquoted (an unquoted name is kept as written). */
function hintNameParts(text: string): string[] | null {
  const parts = text.match(/"(?:[^"]|"")+"|[^."]+/g);
  if (!parts || parts.join('.').length !== text.length) return null;
  return parts.map((p) => (p.startsWith('"') ? p.slice(1, -1).replaceAll('""', '"') : p));
}

/**
 * `-- schemaplan:renamed-from old` before `CREATE TABLE s.t` renames table old → t (`s.old` too); before
 * `ALTER TABLE s.t ADD COLUMN c` renames a column. A string: why the hint cannot be read.
 */
function renameHintFor(sql: string, text: string): RenameHint | string | null {
  const tree = parseSync(sql).stmts?.[0]?.stmt as Record<string, any> | undefined;
  if (!tree) return null;
  const parts = hintNameParts(text);
  if (!parts) return 'not a name (write it as in SQL: old_name, "OldName" or schema.old_name)';
  const create = tree['CreateStmt'];
  if (create) {
    const schema = create.relation.schemaname ?? 'public';
    const to = create.relation.relname as string;
    if (parts.length > 2) return 'a table name has at most two parts';
    if (parts.length === 2 && parts[0] !== schema) return `the table is created in schema ${schema}; moving a table between schemas is not planned`;
    return { kind: 'table', schema, from: parts.at(-1)!, to };
  }
  if (parts.length !== 1) return 'a column is renamed from a column name of the same table';
  const from = parts[0]!;
  const alter = tree['AlterTableStmt'];
  if (alter) {
    const schema = alter.relation.schemaname ?? 'public';
    const table = alter.relation.relname as string;
    const cmd = alter.cmds?.[0]?.AlterTableCmd;
    const col = cmd?.def?.ColumnDef?.colname as string | undefined;
    if (cmd?.subtype === 'AT_AddColumn' && col) return { kind: 'column', schema, table, from, to: col };
  }
  return null;
}

function leadingComments(raw: string): { body: string; offset: number; comments: { text: string; index: number }[] } {
  const comments: { text: string; index: number }[] = [];
  let i = 0;
  for (;;) {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
    if (raw.startsWith('--', i)) {
      const end = raw.indexOf('\n', i);
      const stop = end === -1 ? raw.length : end;
      comments.push({ text: raw.slice(i, stop).trim(), index: i });
      i = stop;
    } else if (raw.startsWith('/*', i)) {
      const end = raw.indexOf('*/', i + 2);
      i = end === -1 ? raw.length : end + 2;
    } else break;
  }
  return { body: raw.slice(i), offset: i, comments };
}

/**
 * psql meta-commands (`\connect`, `\restrict` in new pg_dump output) are not SQL; blank them out (same length) so
 * that positions stay right. COPY … FROM stdin data blocks are blanked too.
 */
export function stripPsqlMeta(text: string): string {
  const lines = text.split('\n');
  let inCopy = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inCopy) {
      if (line === '\\.') inCopy = false;
      lines[i] = ' '.repeat(line.length);
      continue;
    }
    if (line.startsWith('\\')) lines[i] = ' '.repeat(line.length);
    else if (/^COPY\s.+\sFROM\s+stdin;\s*$/i.test(line)) {
      inCopy = true;
      lines[i] = ' '.repeat(line.length);
    }
  }
  return lines.join('\n');
}

function byteToIndex(text: string, byte: number): number {
  return Buffer.from(text, 'utf8').subarray(0, byte).toString('utf8').length;
}

/** Byte offset → string index for increasing offsets, in one pass over the buffer overall. */
function byteIndexer(buf: Buffer): (byte: number) => number {
  let byteAt = 0;
  let indexAt = 0;
  return (byte) => {
    if (byte < byteAt) {
      byteAt = 0;
      indexAt = 0;
    }
    indexAt += buf.subarray(byteAt, byte).toString('utf8').length;
    byteAt = byte;
    return indexAt;
  };
}

/** libpg-query rejects input with nothing but whitespace and comments; such a file is simply empty. */
function hasTokens(text: string): boolean {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim().length > 0;
}
