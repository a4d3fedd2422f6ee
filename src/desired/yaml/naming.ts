/**
 * Default constraint and index names, made exactly as PostgreSQL makes them (makeObjectName in
 * src/backend/commands/indexcmds.c): `<table>_<columns>_<label>`, and when that exceeds 63 bytes the longer of
 * table and columns is shortened first. Matching PostgreSQL keeps a YAML key without `name:` equal to the one a
 * database created from plain SQL already has, so the plan does not rename it.
 */
const MAX_BYTES = 63;

export function defaultName(table: string, columns: readonly string[] | null, label: string): string {
  const name2 = columns === null ? null : joinColumns(columns);
  const overhead = (name2 === null ? 0 : 1) + label.length + 1;
  const available = MAX_BYTES - overhead;
  let n1 = bytes(table);
  let n2 = name2 === null ? 0 : bytes(name2);
  while (n1 + n2 > available) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const first = clip(table, n1);
  return name2 === null ? `${first}_${label}` : `${first}_${clip(name2, n2)}_${label}`;
}

/** ChooseIndexNameAddition: column names joined by `_`, stopping once the result reaches the name limit. */
function joinColumns(columns: readonly string[]): string {
  let out = '';
  for (const c of columns) {
    if (out) out += '_';
    out += c;
    if (bytes(out) >= MAX_BYTES) break;
  }
  return clip(out, MAX_BYTES);
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The longest prefix of `s` of at most `max` UTF-8 bytes that does not split a character (pg_mbcliplen). */
function clip(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (bytes(out + ch) > max) break;
    out += ch;
  }
  return out;
}
