import { parseSync, scanSync, type ScanToken } from '../sql/parser.ts';

/** A table as a statement names it; `schema` is null when the name is left to the search_path. */
export interface WrittenTable {
  readonly schema: string | null;
  readonly name: string;
}

/**
 * An expression exactly as a desired statement wrote it, and what it belongs to. A CHECK's `name` is null
 * when Postgres generates one (see desired/expression-sources.ts for how those are matched).
 */
export type WrittenExpression =
  | { readonly kind: 'check'; readonly table: WrittenTable; readonly name: string | null; readonly text: string }
  | { readonly kind: 'default'; readonly table: WrittenTable; readonly column: string; readonly text: string }
  | { readonly kind: 'policy'; readonly table: WrittenTable; readonly name: string; readonly clause: 'using' | 'withCheck'; readonly text: string }
  /** `elements`: each element's whole text (expression, opclass, ordering) where it is an expression, else null. */
  | { readonly kind: 'index'; readonly table: WrittenTable; readonly name: string | null; readonly elements: readonly (string | null)[]; readonly where: string | null };

type Node = Record<string, any>;

/**
 * The CHECK expressions, column defaults and policy expressions a statement writes, in statement order. The
 * parse tree says what each belongs to and where it starts; libpg-query's scanner gives the tokens that say
 * where it ends. A statement that does not parse yields nothing (the shadow reports its error).
 */
export function writtenExpressions(sql: string): WrittenExpression[] {
  let stmts: readonly { stmt?: Node; stmt_location?: number; stmt_len?: number }[];
  try {
    stmts = parseSync(sql).stmts ?? [];
  } catch {
    return [];
  }
  if (stmts.length > 1) {
    // Token searches are per statement: give each its own text.
    const buf = Buffer.from(sql, 'utf8');
    return stmts.flatMap((s) => {
      const start = s.stmt_location ?? 0;
      return writtenExpressions(buf.subarray(start, s.stmt_len ? start + s.stmt_len : buf.length).toString('utf8'));
    });
  }
  const text = new SourceTokens(sql);
  const out: WrittenExpression[] = [];
  for (const { stmt } of stmts) {
    if (!stmt) continue;
    if (stmt['CreateStmt']) {
      const table = writtenTable(stmt['CreateStmt'].relation);
      for (const e of stmt['CreateStmt'].tableElts ?? []) {
        if (e.ColumnDef) out.push(...columnExpressions(text, table, e.ColumnDef));
        else if (e.Constraint) out.push(...checkExpression(text, table, e.Constraint));
      }
    } else if (stmt['AlterTableStmt']) {
      out.push(...alterTableExpressions(text, stmt['AlterTableStmt']));
    } else if (stmt['CreatePolicyStmt'] || stmt['AlterPolicyStmt']) {
      const p = stmt['CreatePolicyStmt'] ?? stmt['AlterPolicyStmt'];
      out.push(...policyExpressions(text, writtenTable(p.table), p.policy_name));
    } else if (stmt['IndexStmt']) {
      out.push(...indexExpressions(text, stmt['IndexStmt']));
    }
  }
  return out;
}

const writtenTable = (r: Node): WrittenTable => ({ schema: r.schemaname ?? null, name: r.relname });

function columnExpressions(text: SourceTokens, table: WrittenTable, col: Node): WrittenExpression[] {
  const constraints: Node[] = (col.constraints ?? []).map((c: Node) => c.Constraint);
  // A DEFAULT expression ends where the column's next clause starts (NOT NULL, COLLATE, another constraint…).
  const starts = [...constraints.map((c) => c.location as number), ...(col.collClause ? [col.collClause.location as number] : [])];
  const out: WrittenExpression[] = [];
  for (const c of constraints) {
    if (c.contype === 'CONSTR_CHECK') out.push(...checkExpression(text, table, c));
    if (c.contype !== 'CONSTR_DEFAULT') continue;
    const at = text.keywordFrom(c.location, 'default');
    const written = at === -1 ? null : text.expressionFrom(at + 1, starts.filter((s) => s > c.location));
    if (written) out.push({ kind: 'default', table, column: col.colname, text: written });
  }
  return out;
}

function checkExpression(text: SourceTokens, table: WrittenTable, c: Node): WrittenExpression[] {
  if (c.contype !== 'CONSTR_CHECK') return [];
  const at = text.keywordFrom(c.location, 'check');
  const written = at === -1 ? null : text.parenthesized(at + 1);
  return written ? [{ kind: 'check', table, name: c.conname ?? null, text: written }] : [];
}

function alterTableExpressions(text: SourceTokens, alter: Node): WrittenExpression[] {
  const table = writtenTable(alter.relation);
  const out: WrittenExpression[] = [];
  const cmds: Node[] = (alter.cmds ?? []).map((c: Node) => c.AlterTableCmd);
  // `ALTER [COLUMN] c SET DEFAULT e` commands carry no location: the k-th such clause is the k-th command.
  const clauses = text.setDefaultClauses();
  const aligned = clauses.length === cmds.filter((c) => c.subtype === 'AT_ColumnDefault' && c.def).length;
  let k = 0;
  for (const c of cmds) {
    if (c.subtype === 'AT_AddColumn' && c.def?.ColumnDef) out.push(...columnExpressions(text, table, c.def.ColumnDef));
    else if (c.subtype === 'AT_AddConstraint' && c.def?.Constraint) out.push(...checkExpression(text, table, c.def.Constraint));
    else if (c.subtype === 'AT_ColumnDefault' && c.def && aligned) {
      const written = text.expressionFrom(clauses[k++]!, []);
      if (written) out.push({ kind: 'default', table, column: c.name, text: written });
    }
  }
  return out;
}

function policyExpressions(text: SourceTokens, table: WrittenTable, name: string): WrittenExpression[] {
  const out: WrittenExpression[] = [];
  const using = text.topLevelSequence(['using', '(']);
  const check = text.topLevelSequence(['with', 'check', '(']);
  const u = using === -1 ? null : text.parenthesized(using);
  const w = check === -1 ? null : text.parenthesized(check);
  if (u) out.push({ kind: 'policy', table, name, clause: 'using', text: u });
  if (w) out.push({ kind: 'policy', table, name, clause: 'withCheck', text: w });
  return out;
}

function indexExpressions(text: SourceTokens, index: Node): WrittenExpression[] {
  const parts = text.indexParts();
  const params: Node[] = (index.indexParams ?? []).map((p: Node) => p.IndexElem);
  if (!parts || parts.elements.length !== params.length || (index.whereClause && !parts.where)) return [];
  return [
    {
      kind: 'index',
      table: writtenTable(index.relation),
      name: index.idxname ?? null,
      elements: params.map((p, i) => (p.expr ? text.bytes(parts.elements[i]!) : null)),
      where: index.whereClause ? text.bytes(parts.where!) : null,
    },
  ];
}

/**
 * An index definition as pg_get_indexdef prints it, with the expression elements and the predicate the
 * desired state wrote for it (`written` comes from the same kind of index: same elements, same predicate).
 */
export function withIndexExpressions(definition: string, written: Extract<WrittenExpression, { kind: 'index' }>): string | null {
  let params: Node[];
  try {
    params = (parseSync(definition).stmts?.[0]?.stmt as Node | undefined)?.['IndexStmt']?.indexParams?.map((p: Node) => p.IndexElem) ?? [];
  } catch {
    return null;
  }
  const text = new SourceTokens(definition);
  const parts = text.indexParts();
  if (!parts || params.length !== written.elements.length || (parts.where === null) !== (written.where === null)) return null;
  const edits: { range: ByteRange; text: string }[] = [];
  for (const [i, p] of params.entries()) {
    const w = written.elements[i];
    if ((p.expr !== undefined) !== (w !== null)) return null;
    if (w) edits.push({ range: parts.elements[i]!, text: w });
  }
  if (parts.where && written.where) edits.push({ range: parts.where, text: written.where });
  return text.replaced(edits);
}

interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/** The tokens of one SQL text, addressed by byte offsets like libpg-query's locations. */
class SourceTokens {
  private readonly buf: Buffer;
  private tokenList: readonly ScanToken[] | null = null;

  constructor(sql: string) {
    this.buf = Buffer.from(sql, 'utf8');
  }

  private get tokens(): readonly ScanToken[] {
    this.tokenList ??= scanSync(this.buf.toString('utf8')).tokens;
    return this.tokenList;
  }

  private slice(from: number, to: number): string {
    return this.buf.subarray(this.tokens[from]!.start, this.tokens[to]!.end).toString('utf8');
  }

  private is(i: number, word: string): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.text.toLowerCase() === word && (t.keywordKind !== 0 || !/^[a-z]/.test(word));
  }

  /** The text of a byte range. */
  bytes(r: ByteRange): string {
    return this.buf.subarray(r.start, r.end).toString('utf8');
  }

  /** The text with each range replaced (ranges do not overlap). */
  replaced(edits: readonly { range: ByteRange; text: string }[]): string {
    const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
    const out: string[] = [];
    let at = 0;
    for (const e of sorted) {
      out.push(this.buf.subarray(at, e.range.start).toString('utf8'), e.text);
      at = e.range.end;
    }
    out.push(this.buf.subarray(at).toString('utf8'));
    return out.join('');
  }

  /**
   * In `CREATE INDEX … ON t [USING m] (elements) … [WHERE predicate]`: each element (the first parenthesized list
   * after ON, split at its own commas) and the predicate (WHERE is the last clause).
   */
  indexParts(): { elements: ByteRange[]; where: ByteRange | null } | null {
    const on = this.topLevelSequence(['on']);
    let open = -1;
    for (let i = on + 1; on !== -1 && i < this.tokens.length; i++) {
      if (this.is(i, '(')) {
        open = i;
        break;
      }
    }
    if (open === -1) return null;
    const elements: ByteRange[] = [];
    let first = open + 1;
    for (;;) {
      const last = this.expressionEnd(first, []);
      if (last === -1) return null;
      elements.push({ start: this.tokens[first]!.start, end: this.tokens[last]!.end });
      if (this.tokens[last + 1]?.text !== ',') break;
      first = last + 2;
    }
    const where = this.topLevelSequence(['where']);
    const end = where === -1 ? -1 : this.expressionEnd(where + 1, []);
    return { elements, where: end === -1 ? null : { start: this.tokens[where + 1]!.start, end: this.tokens[end]!.end } };
  }

  /** Index of the first `word` keyword token at or after byte `from`, or -1. */
  keywordFrom(from: number, word: string): number {
    for (let i = 0; i < this.tokens.length; i++) if (this.tokens[i]!.start >= from && this.is(i, word)) return i;
    return -1;
  }

  /** Index of the last of `words` found in a row at parenthesis depth 0, or -1. */
  topLevelSequence(words: readonly string[]): number {
    let depth = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      if (depth === 0 && words.every((w, k) => this.is(i + k, w))) return i + words.length - 1;
      depth += opens(this.tokens[i]!) - closes(this.tokens[i]!);
    }
    return -1;
  }

  /** The text between the `(` at token `open` and its matching `)`. */
  parenthesized(open: number): string | null {
    const end = this.is(open, '(') ? this.expressionEnd(open + 1, []) : -1;
    return end === -1 ? null : this.slice(open + 1, end);
  }

  /** The text after the `)` that matches the `(` at token `open`. */
  afterParenthesized(open: number): string | null {
    const end = this.is(open, '(') ? this.expressionEnd(open + 1, []) : -1;
    const close = this.tokens[end + 1];
    return end === -1 || close?.text !== ')' ? null : this.buf.subarray(close.end).toString('utf8');
  }

  /**
   * The expression starting at token `first`: it runs until a `,`, `;` or unmatched closing bracket at its own
   * depth, or until the first of `stops` (byte offsets where the next clause starts).
   */
  expressionFrom(first: number, stops: readonly number[]): string | null {
    const end = this.expressionEnd(first, stops);
    return end === -1 ? null : this.slice(first, end);
  }

  /** Index of the expression's last token (see expressionFrom), or -1 when it is empty. */
  private expressionEnd(first: number, stops: readonly number[]): number {
    const stop = Math.min(Infinity, ...stops);
    let depth = 0;
    let last = -1;
    for (let i = first; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (depth === 0 && (t.start >= stop || t.text === ',' || t.text === ';')) break;
      depth += opens(t) - closes(t);
      if (depth < 0) break;
      last = i;
    }
    return last < first ? -1 : last;
  }

  /** Token indices just after each `ALTER [COLUMN] name SET DEFAULT` at depth 0, in order. */
  setDefaultClauses(): number[] {
    const out: number[] = [];
    let depth = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      if (depth === 0 && this.is(i, 'alter')) {
        const name = this.is(i + 1, 'column') ? i + 2 : i + 1;
        if (this.is(name + 1, 'set') && this.is(name + 2, 'default')) out.push(name + 3);
      }
      depth += opens(this.tokens[i]!) - closes(this.tokens[i]!);
    }
    return out;
  }
}

const opens = (t: ScanToken) => (t.text === '(' || t.text === '[' ? 1 : 0);
const closes = (t: ScanToken) => (t.text === ')' || t.text === ']' ? 1 : 0);

/**
 * A CHECK constraint's definition as pg_get_constraintdef prints it (`CHECK (<expr>)` and clauses such as
 * NOT VALID), with the expression replaced by `expression`.
 */
export function withCheckExpression(definition: string, expression: string): string | null {
  const text = new SourceTokens(definition);
  const check = text.keywordFrom(0, 'check');
  const tail = check === -1 ? null : text.afterParenthesized(check + 1);
  return tail === null ? null : `CHECK (${expression})${tail}`;
}
