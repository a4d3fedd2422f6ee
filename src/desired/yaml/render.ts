import type { SourceStatement } from '../sources.ts';

/** What `schemaplan compile` prints: each statement under a `-- file:line:column` comment, with its hints. */
export function renderCompiledSql(statements: readonly SourceStatement[]): string {
  return statements
    .map((s) => {
      const notes = [
        `-- ${s.location.file}:${s.location.line}:${s.location.column}`,
        ...(s.renames ?? []).map((r) =>
          r.kind === 'table' ? `-- renamed table: ${r.schema}.${r.from} → ${r.to}` : `-- renamed column: ${r.schema}.${r.table}.${r.from} → ${r.to}`,
        ),
        ...(s.suppressions ?? []).map((x) => `-- lint ignored: ${x.rule} (${x.reason})`),
      ];
      return `${notes.join('\n')}\n${s.sql};\n`;
    })
    .join('\n');
}
