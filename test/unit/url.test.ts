import { describe, expect, it } from 'vitest';
import { connectionError, redactUrl } from '../../src/db/url.ts';

describe('URLs in messages never carry a password', () => {
  it('masks user:password@, a password= parameter, and a password URL parsing cannot read', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactUrl('postgres://u@h/db?sslmode=require&password=secret')).toBe('postgres://u@h/db?sslmode=require&password=***');
    expect(redactUrl('postgres://u:se/cret@127.0.0.1:1/db')).toBe('postgres://u:***@127.0.0.1:1/db');
    expect(redactUrl('postgres://u@h/db')).toBe('postgres://u@h/db');
    expect(redactUrl("host=127.0.0.1 password=s3cret dbname=x")).toBe('host=127.0.0.1 password=*** dbname=x');
    expect(redactUrl("password = 'se cret' host=h")).toBe('password = *** host=h');
  });

  it('masks it in a connection error that quotes the URL', () => {
    const url = 'postgres://u@127.0.0.1:1/db?password=secret';
    const e = connectionError(url, new Error(`connect ECONNREFUSED for ${url}`), 'target');
    expect(`${e.message} ${e.hint}`).not.toContain('secret');
  });
});
