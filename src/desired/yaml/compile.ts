import { err, ok, type Result, type UserError } from '../../errors.ts';
import type { SourceFile, SourceStatement } from '../sources.ts';
import { emitModel } from './emit.ts';
import type { DesiredModel } from './model.ts';
import { parseYamlFile, type ParsedFile } from './parse.ts';
import { resolveFiles } from './resolve.ts';

/** Parse, validate and resolve all files together; every error of every file is reported at once. */
export function resolveYamlFiles(files: readonly SourceFile[]): Result<DesiredModel, readonly UserError[]> {
  const errors: UserError[] = [];
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const r = parseYamlFile(file);
    errors.push(...r.errors);
    if (r.parsed) parsed.push(r.parsed);
  }
  const { model, errors: resolveErrors } = resolveFiles(parsed);
  errors.push(...resolveErrors);
  return errors.length ? err(errors) : ok(model);
}

/** YAML files → SQL statements in creation order, each pointing at the YAML node it came from. */
export function compileYamlFiles(files: readonly SourceFile[]): Result<readonly SourceStatement[], readonly UserError[]> {
  const model = resolveYamlFiles(files);
  return model.ok ? ok(emitModel(model.value)) : model;
}
