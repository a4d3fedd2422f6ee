import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { rules } from '../../../lint-rules/index.ts';

const root = new URL('../../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

describe('rule registry', () => {
  test('every rule file is registered and every registered rule has its own file', () => {
    const files = readdirSync(new URL('lint-rules/', root))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3))
      .sort();
    expect(rules.map((r) => r.name).sort()).toEqual(files);
  });

  test('rule names are unique kebab-case', () => {
    const names = rules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  for (const rule of rules) {
    describe(rule.name, () => {
      test('its module default-exports a rule whose name equals the file name', async () => {
        const mod = (await import(new URL(`lint-rules/${rule.name}.ts`, root).href)) as { default: { name: string } };
        expect(mod.default).toBe(rule);
        expect(mod.default.name).toBe(rule.name);
      });

      test('docs/lint.md lists it', () => {
        expect(read('docs/lint.md')).toContain(`[\`${rule.name}\`](rules/${rule.name}.md)`);
      });

      test('it has a doc page with what, why, examples, options and fix', () => {
        const path = `docs/rules/${rule.name}.md`;
        expect(existsSync(new URL(path, root))).toBe(true);
        const doc = read(path);
        expect(doc.split('\n')[0]).toBe(`# ${rule.name}`);
        for (const section of ['## Why', '## Bad', '## Good', '## Options', '## Fix']) expect(doc).toContain(section);
        for (const option of Object.keys(rule.defaultOptions as object)) expect(doc).toContain(`\`${option}\``);
      });

      test('it has valid and invalid cases on a real database', () => {
        const path = `test/lint-rules/${rule.name}.test.ts`;
        expect(existsSync(new URL(path, root))).toBe(true);
        const text = read(path);
        expect(text).toContain(`lint-rules/${rule.name}.ts`);
        expect(text).toMatch(/valid: \[\s*\{/);
        expect(text).toMatch(/invalid: \[\s*\{/);
      });

      test('default options satisfy its options schema and messages are non-empty', () => {
        expect(rule.meta.options.safeParse(rule.defaultOptions).success).toBe(true);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        expect(rule.meta.description.length).toBeGreaterThan(10);
      });
    });
  }
});
