import { describe, expect, it } from 'vitest';
import { describeId, encodeId } from '../../src/model/identity.ts';
import { ident, literal, qualified } from '../../src/sql/quote.ts';
import { enumAlter } from '../../src/kinds/type.ts';
import { topoSort } from '../../src/plan/graph.ts';

describe('object identity', () => {
  it('is unambiguous where dotted names are not', () => {
    const a = encodeId({ kind: 'column', schema: 'public', table: 'a.b', name: 'c' });
    const b = encodeId({ kind: 'column', schema: 'public.a', table: 'b', name: 'c' });
    expect(a).not.toBe(b);
  });
  it('tells function overloads apart by argument types', () => {
    const f1 = encodeId({ kind: 'function', schema: 'public', name: 'f', args: ['integer'] });
    const f2 = encodeId({ kind: 'function', schema: 'public', name: 'f', args: ['text'] });
    expect(f1).not.toBe(f2);
    expect(describeId({ kind: 'function', schema: 'public', name: 'f', args: ['integer', 'text'] })).toBe('function public.f(integer, text)');
  });
});

describe('quoting', () => {
  it('quotes only what Postgres would fold or reject', () => {
    expect(ident('users')).toBe('users');
    expect(ident('userId')).toBe('"userId"');
    expect(ident('user')).toBe('"user"');
    expect(ident('a"b')).toBe('"a""b"');
    expect(qualified('public', 'Order')).toBe('public."Order"');
    expect(literal("it's")).toBe("'it''s'");
    expect(literal('a\\b')).toBe("E'a\\\\b'");
  });
});

describe('enum changes', () => {
  it('adds values in place, before the next kept value', () => {
    expect(enumAlter(['a', 'c'], ['a', 'b', 'c'])).toEqual({ add: [{ value: 'b', before: 'c' }], rename: [] });
    expect(enumAlter(['a'], ['a', 'b'])).toEqual({ add: [{ value: 'b', after: 'a' }], rename: [] });
  });
  it('renames a value in place when one position changes', () => {
    expect(enumAlter(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual({ add: [], rename: [['b', 'x']] });
  });
  it('refuses in-place change when values are removed or reordered', () => {
    expect(enumAlter(['a', 'b', 'c'], ['a', 'c'])).toBeNull();
    expect(enumAlter(['a', 'b'], ['b', 'a'])).toBeNull();
  });
});

describe('topological order', () => {
  it('respects edges and breaks ties by priority', () => {
    const { order, cycleBreaks } = topoSort(['c', 'b', 'a', 'd'], [['b', 'a']], (x, y) => x.localeCompare(y));
    expect(order).toEqual(['b', 'a', 'c', 'd']);
    expect(cycleBreaks).toEqual([]);
  });
  it('still orders everything when there is a cycle, and reports where it broke it', () => {
    const { order, cycleBreaks } = topoSort(['a', 'b'], [['a', 'b'], ['b', 'a']], (x, y) => x.localeCompare(y));
    expect(order.sort()).toEqual(['a', 'b']);
    expect(cycleBreaks).toEqual(['a']);
  });
});
