import { ok, type Result, type SourceLocation, type UserError } from '../../errors.ts';
import { identList, qualified } from '../../sql/quote.ts';
import type { SourceFile } from '../sources.ts';
import { resolveYamlFiles } from './compile.ts';

/**
 * A data-preserving consolidation declared with `absorbs:`: after `table` exists and before `from` is dropped,
 * `INSERT INTO table (columns…) SELECT expressions… FROM from [WHERE where]`, skipped when `from` is gone.
 */
export interface DataTransition {
  readonly table: { readonly schema: string; readonly name: string };
  readonly from: { readonly schema: string; readonly name: string };
  /** target column → SQL expression over the old row */
  readonly columns: Readonly<Record<string, string>>;
  readonly where?: string;
  /** the `absorbs:` entry it came from */
  readonly location: SourceLocation;
}

export function collectTransitions(files: readonly SourceFile[]): Result<readonly DataTransition[], readonly UserError[]> {
  const model = resolveYamlFiles(files);
  if (!model.ok) return model;
  return ok(
    model.value.tables.flatMap((t) =>
      t.absorbs.map((a) => ({
        table: { schema: t.id.schema, name: t.id.name },
        from: { schema: a.from.schema, name: a.from.name },
        columns: a.columns,
        ...(a.where ? { where: a.where } : {}),
        location: a.location,
      })),
    ),
  );
}

/** The data step of a transition: copy the old rows into the new table (the caller decides when it runs). */
export function transitionInsertSql(t: DataTransition): string {
  const targets = Object.keys(t.columns);
  return [
    `INSERT INTO ${qualified(t.table.schema, t.table.name)} (${identList(targets)})`,
    `SELECT ${targets.map((c) => t.columns[c]).join(', ')}`,
    `FROM ${qualified(t.from.schema, t.from.name)}`,
    ...(t.where ? [`WHERE ${t.where}`] : []),
  ].join('\n');
}
