import type { SourceFormat } from '../sources.ts';
import { compileYamlFiles } from './compile.ts';

export { compileYamlFiles, resolveYamlFiles } from './compile.ts';
export { collectTransitions, transitionInsertSql, type DataTransition } from './transitions.ts';
export { renderCompiledSql } from './render.ts';
export { desiredJsonSchema } from './schema.ts';
export { UPDATED_AT_FUNCTION, UPDATED_AT_TRIGGER } from './emit.ts';

export const yamlFormat: SourceFormat = {
  name: 'yaml',
  extensions: ['.yaml', '.yml'],
  compile: compileYamlFiles,
};
