import { describe, expect, it } from 'vitest';
import { closest, levenshtein } from '../../src/desired/yaml/did-you-mean.ts';
import { compileYamlFiles, yamlFormat } from '../../src/desired/yaml/index.ts';

describe('did you mean', () => {
  it('computes edit distances', () => {
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('nulable', 'nullable')).toBe(1);
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it('suggests the closest candidate within budget, preferring case-only differences', () => {
    expect(closest('onupdate', ['onDelete', 'onUpdate'])).toBe('onUpdate');
    expect(closest('refrences', ['references', 'renamedFrom'])).toBe('references');
    expect(closest('xyz', ['references', 'renamedFrom'])).toBeUndefined();
  });
});

describe('yamlFormat', () => {
  it('is the SourceFormat for .yaml and .yml files and compiles like compileYamlFiles', () => {
    expect(yamlFormat.name).toBe('yaml');
    expect(yamlFormat.extensions).toEqual(['.yaml', '.yml']);
    const files = [{ path: 'a.yml', text: 'tables:\n  t:\n    id: uuid\n' }];
    expect(yamlFormat.compile(files)).toEqual(compileYamlFiles(files));
  });

  it('compiles an empty file to nothing', () => {
    expect(yamlFormat.compile([{ path: 'empty.yaml', text: '# nothing yet\n' }])).toEqual({ ok: true, value: [] });
  });
});

describe('hostile YAML', () => {
  it('reports an alias bomb as an error instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const r = yamlFormat.compile([{ path: 'bomb.yaml', text: lines.join('\n') }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]?.message).toMatch(/alias/i);
  });
});
