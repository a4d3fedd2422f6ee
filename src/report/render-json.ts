import type { GapReport } from './model.ts';

/** The same content as the Markdown, as data: sections → subsections → items with object, message, fix, source. */
export function renderJson(report: GapReport): string {
  return JSON.stringify({ formatVersion: 1, ...report }, null, 2) + '\n';
}
