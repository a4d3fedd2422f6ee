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
