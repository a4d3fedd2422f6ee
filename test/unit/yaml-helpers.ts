import { expect } from 'vitest';
import type { UserError } from '../../src/errors.ts';
import type { SourceStatement } from '../../src/desired/sources.ts';
import { compileYamlFiles } from '../../src/desired/yaml/index.ts';

/** Dedent a YAML literal written inside a test so line numbers in assertions are easy to read. */
export function yaml(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function compileOk(...texts: string[]): readonly SourceStatement[] {
  const r = compileYamlFiles(texts.map((text, i) => ({ path: `f${i + 1}.yaml`, text: yaml(text) })));
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
  return r.value;
}

export function compileErrors(...texts: string[]): readonly UserError[] {
  const r = compileYamlFiles(texts.map((text, i) => ({ path: `f${i + 1}.yaml`, text: yaml(text) })));
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error;
}

export function where(e: UserError | undefined): string {
  return e?.location ? `${e.location.file}:${e.location.line}:${e.location.column}` : '(none)';
}
