import type * as LibPgQuery from 'libpg-query';

/**
 * libpg-query, loaded on first need. Its WebAssembly takes ~50 ms to start and a warm `plan --format json` (desired
 * state cached, no view in the target) never parses, so the parse functions stay synchronous and every async entry
 * that may reach them awaits loadParser() first. Parsing before that is a bug, and says so.
 */
let lib: typeof LibPgQuery | undefined;
let loading: Promise<void> | undefined;

export function loadParser(): Promise<void> {
  loading ??= import('libpg-query').then(async (m) => {
    await m.loadModule();
    lib = m;
  });
  return loading;
}

function loaded(): typeof LibPgQuery {
  if (!lib) throw new Error('bug: the SQL parser was used before loadParser() was awaited');
  return lib;
}

export type ParseResult = ReturnType<typeof LibPgQuery.parseSync>;
export type ScanToken = LibPgQuery.ScanToken;

export const parseSync = (sql: string): ParseResult => loaded().parseSync(sql);

export const scanSync = (sql: string): ReturnType<typeof LibPgQuery.scanSync> => loaded().scanSync(sql);
