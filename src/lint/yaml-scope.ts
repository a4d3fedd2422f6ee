import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { SourceFile } from '../desired/sources.ts';
import type { ObjectId } from '../model/identity.ts';
import type { SuppressedStatement } from './suppressions.ts';

/**
 * Name the object of each YAML `lintIgnore:` suppression (the table or column it sits on), so that a column's
 * suppression covers that column only. YAML statements are generated SQL: their lines say nothing about which
 * column a suppression belongs to, the document does.
 */
export function scopeYamlSuppressions(statements: readonly SuppressedStatement[], files: readonly SourceFile[]): SuppressedStatement[] {
  const byFile = new Map<string, Map<number, ObjectId>>();
  const objectsOf = (path: string) => {
    let m = byFile.get(path);
    if (!m) {
      const file = files.find((f) => f.path === path);
      m = file ? lintIgnoreOwners(file.text) : new Map();
      byFile.set(path, m);
    }
    return m;
  };
  return statements.map((st) => {
    if (!st.suppressions?.length || !/\.ya?ml$/.test(st.location.file)) return st;
    const owners = objectsOf(st.location.file);
    return {
      ...st,
      suppressions: st.suppressions.map((s) => {
        const object = owners.get(s.location.line);
        return object && s.location.file === st.location.file ? { ...s, object } : s;
      }),
    };
  });
}

/** line of each `lintIgnore` rule key → the table or column it belongs to. */
function lintIgnoreOwners(text: string): Map<number, ObjectId> {
  const out = new Map<number, ObjectId>();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const root = doc.contents;
  if (!isMap(root)) return out;
  const fileSchema = root.get('schema');
  const defaultSchema = typeof fileSchema === 'string' ? fileSchema : 'public';
  const tables = root.get('tables', true);
  if (!isMap(tables)) return out;
  const record = (ignore: unknown, id: ObjectId) => {
    if (!isMap(ignore)) return;
    for (const pair of ignore.items) {
      const start = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (start !== undefined) out.set(lines.linePos(start).line, id);
    }
  };
  for (const pair of (tables as YAMLMap).items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const qualified = String(pair.key.value);
    const dot = qualified.indexOf('.');
    const schema = dot > 0 ? qualified.slice(0, dot) : defaultSchema;
    const name = dot > 0 ? qualified.slice(dot + 1) : qualified;
    record(pair.value.get('lintIgnore', true), { kind: 'table', schema, name });
    const columns = pair.value.get('columns', true);
    if (!isMap(columns)) continue;
    for (const col of columns.items) {
      if (isScalar(col.key) && isMap(col.value)) record(col.value.get('lintIgnore', true), { kind: 'column', schema, table: name, name: String(col.key.value) });
    }
  }
  return out;
}
