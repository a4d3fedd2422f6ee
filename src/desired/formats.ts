import { sqlFormat } from './sql-format.ts';
import type { SourceFormat } from './sources.ts';

/** Registered desired-state formats, in the order their statements are first tried. */
export const FORMATS: readonly SourceFormat[] = [sqlFormat];

export const formatFor = (file: string): SourceFormat | undefined =>
  FORMATS.find((f) => f.extensions.some((e) => file.endsWith(e)));
