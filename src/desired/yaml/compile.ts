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
  return errors.length ? err(inReadingOrder(errors, files)) : ok(model);
}

/** Errors in the order a reader meets them: by file as given, then line and column. */
function inReadingOrder(errors: readonly UserError[], files: readonly SourceFile[]): UserError[] {
  const fileIndex = new Map(files.map((f, i) => [f.path, i]));
  const key = (e: UserError): [number, number, number] => [
    fileIndex.get(e.location?.file ?? '') ?? files.length,
    e.location?.line ?? 0,
    e.location?.column ?? 0,
  ];
  return [...errors].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
}

/** YAML files → SQL statements in creation order, each pointing at the YAML node it came from. */
export function compileYamlFiles(files: readonly SourceFile[]): Result<readonly SourceStatement[], readonly UserError[]> {
  const model = resolveYamlFiles(files);
  return model.ok ? ok(emitModel(model.value)) : model;
}
