import type { UserError } from '../errors.ts';

/** The URL without its password (secrets are never printed), whether in `user:password@` or in a `password=` parameter. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    if (u.searchParams.has('password')) u.searchParams.set('password', '***');
    return u.toString().replace('password=%2A%2A%2A', 'password=***');
  } catch {
    // Not a URL `new URL` reads (a `/` in the password): everything between `://user:` and the last `@`.
    // A keyword/value connection string: `password=secret` or `password='se cret'`.
    return url
      .replace(/:\/\/([^:@/]+):.*@/, '://$1:***@')
      .replace(/([?&]password=)[^&]*/g, '$1***')
      .replace(/((?:^|\s)password\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)/g, '$1***');
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//.test(s);
}

export function connectionError(url: string, e: unknown, what = 'database'): UserError {
  const message = ((e as Error).message || String(e)).replaceAll(url, redactUrl(url));
  return {
    code: 'connection',
    message: `cannot connect to ${what} ${redactUrl(url)}: ${message}`,
    hint: 'check that the server is running and the URL is right',
  };
}
