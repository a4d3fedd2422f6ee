import { describe, expect, it } from 'vitest';
import { lossyConversion } from '../../src/kinds/column.ts';

describe('type conversions that keep every row but not every value', () => {
  it.each([
    ['character varying(50)', 'character varying(10)', 'cuts longer values'],
    ['text', 'character varying(10)', 'cuts longer values'],
    ['character varying', 'character(3)', 'cuts longer values'],
    ['numeric(10,2)', 'numeric(10,0)', 'rounds values'],
    ['numeric', 'numeric(12,2)', 'rounds values'],
    ['double precision', 'integer', 'rounds values'],
    ['numeric(10,2)', 'bigint', 'rounds values'],
    ['double precision', 'real', 'rounds values'],
    ['bigint', 'double precision', 'rounds values'],
    ['timestamp with time zone', 'date', 'drops the time of day'],
    ['timestamp without time zone', 'timestamp(0) without time zone', 'rounds fractional seconds'],
  ])('%s → %s %s', (from, to, what) => {
    expect(lossyConversion(from, to)).toBe(what);
  });

  it.each([
    ['character varying(10)', 'character varying(50)'],
    ['character varying(10)', 'text'],
    ['integer', 'bigint'],
    ['bigint', 'integer'], // a value too large fails the apply: nothing is lost
    ['text', 'integer'],
    ['numeric(10,2)', 'numeric(12,2)'],
    ['numeric(10,2)', 'numeric(8,2)'], // too large values fail instead
    ['integer', 'numeric(12,2)'],
    ['real', 'double precision'],
    ['date', 'timestamp with time zone'],
    ['timestamp without time zone', 'timestamp with time zone'],
  ])('%s → %s keeps every value', (from, to) => {
    expect(lossyConversion(from, to)).toBeNull();
  });
});
