import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourceLocation } from '../../errors.ts';

export type Path = readonly (string | number)[];

/** Maps a path in the parsed value back to the YAML node it came from, as file:line:column. */
export class YamlLocator {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Location of the value at `path`, or of the nearest ancestor that exists (a missing key is reported on its map). */
  at(path: Path): SourceLocation {
    return this.offset(this.walk(path).node);
  }

  /** Location of the key at the end of `path` (for unknown keys and duplicate names); falls back to the value. */
  keyAt(path: Path): SourceLocation {
    const { key, node } = this.walk(path);
    return this.offset(key ?? node);
  }

  /** The first line of the file is where file-wide statements (the shared trigger function) point when nothing better exists. */
  start(): SourceLocation {
    return { file: this.file, line: 1, column: 1 };
  }

  fromOffset(offset: number): SourceLocation {
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }

  private offset(node: Node | null | undefined): SourceLocation {
    const start = node?.range?.[0];
    return start === undefined ? this.start() : this.fromOffset(start);
  }

  private walk(path: Path): { node: Node | null; key: Node | null } {
    let node: Node | null = (this.doc.contents as Node | null) ?? null;
    let key: Node | null = null;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
        if (!pair) return { node, key: null };
        key = (pair.key as Node | null) ?? null;
        // `users:` with nothing after it has an empty null value node; point at the key then
        const value = pair.value as Node | null;
        const empty = !value || (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1]);
        node = empty ? key : value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) return { node, key: null };
        key = null;
        node = item;
      } else {
        return { node, key };
      }
    }
    return { node, key };
  }
}
