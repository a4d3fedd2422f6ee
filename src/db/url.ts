import type { UserError } from '../errors.ts';

/** The URL with its password replaced: secrets are never printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
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
