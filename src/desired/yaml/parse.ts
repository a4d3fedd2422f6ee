import { LineCounter, parseDocument } from 'yaml';
import type { UserError } from '../../errors.ts';
import type { SourceFile } from '../sources.ts';
import { issuesToErrors } from './issues.ts';
import { YamlLocator } from './locate.ts';
import { desiredFileSchema, type DesiredFile } from './schema.ts';

export interface ParsedFile {
  readonly file: SourceFile;
  readonly data: DesiredFile;
  readonly where: YamlLocator;
}

/** YAML text → validated data plus a locator back to the nodes; errors are collected, never thrown. */
export function parseYamlFile(file: SourceFile): { parsed?: ParsedFile; errors: UserError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const where = new YamlLocator(file.path, doc, lines);
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((e) => ({
        code: 'desired-yaml',
        message: e.message.split('\n')[0]!,
        location: where.fromOffset(e.pos[0]),
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch (e) {
    // alias bombs and similar: the file is at fault, not the compiler
    return { errors: [{ code: 'desired-yaml', message: (e as Error).message, location: where.start() }] };
  }
  const result = desiredFileSchema.safeParse(value, { reportInput: true });
  if (!result.success) return { errors: issuesToErrors(result.error.issues, desiredFileSchema, where) };
  return { parsed: { file, data: result.data, where }, errors: [] };
}
