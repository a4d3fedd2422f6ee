/**
 * One instance per distinct short string among a row's values. A catalog repeats the same schema, table, type
 * and default text tens of thousands of times, and the database driver makes a new string for every value of
 * every row: sharing them keeps a 10,000-table catalog a fifth smaller in memory. `ref` (unique per row) and
 * long texts (definitions, bodies) are left alone: hashing them would cost more than it saves.
 */
export function internRow(row: Record<string, unknown>, pool: Map<string, string>): void {
  for (const k in row) {
    const v = row[k];
    if (typeof v !== 'string' || v.length > 64 || k === 'ref') continue;
    const known = pool.get(v);
    if (known === undefined) pool.set(v, v);
    else row[k] = known;
  }
}
