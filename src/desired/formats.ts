import { sqlFormat } from './sql-format.ts';
import type { SourceFormat } from './sources.ts';
import { yamlFormat } from './yaml/index.ts';

/** Registered desired-state formats, in the order their statements are first tried (YAML tables before SQL that uses them). */
export const FORMATS: readonly SourceFormat[] = [yamlFormat, sqlFormat];

export const formatFor = (file: string): SourceFormat | undefined =>
  FORMATS.find((f) => f.extensions.some((e) => file.endsWith(e)));
