import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the bin script, without types
import { bundleIsFresh } from '../../bin/bundle-fresh.js';

function layout(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sp-bundle-'));
  for (const [file, ageSeconds] of [['src/cli/main.ts', 300], ['lint-rules/uuid-keys.ts', 300], ['dist/cli.js', 200]] as const) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
    const at = Date.now() / 1000 - ageSeconds;
    utimesSync(path.join(root, file), at, at);
  }
  return root;
}

const touch = (root: string, file: string) => writeFileSync(path.join(root, file), '// edited');

describe('the bin script runs the bundle only while it holds the current code', () => {
  it('uses a bundle newer than src/ and lint-rules/', () => {
    expect(bundleIsFresh(layout())).toBe(true);
  });

  it('not once a source file is edited', () => {
    const root = layout();
    touch(root, 'src/cli/main.ts');
    expect(bundleIsFresh(root)).toBe(false);
  });

  it('not once a built-in lint rule is edited or added (they are bundled too)', () => {
    const edited = layout();
    touch(edited, 'lint-rules/uuid-keys.ts');
    expect(bundleIsFresh(edited)).toBe(false);
    const added = layout();
    touch(added, 'lint-rules/new-rule.ts');
    expect(bundleIsFresh(added)).toBe(false);
  });

  it('not when there is no bundle', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sp-bundle-'));
    mkdirSync(path.join(root, 'src'));
    expect(bundleIsFresh(root)).toBe(false);
  });
});
