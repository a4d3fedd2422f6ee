/**
 * The one seam between the SafeQL integration and the engine's desired-state loader (src/desired/build.ts), used
 * exactly as `schemaplan plan` uses it for its shadow database: external stubs, then the desired statements.
 */
import type { Queryable } from '../../db/queryable.ts';
import { loadDesired, readDesired } from '../../desired/build.ts';
import { ok, type Result } from '../../errors.ts';
import type { SafeqlSettings } from './settings.ts';

export async function loadDesiredInto(db: Queryable, settings: SafeqlSettings): Promise<Result<{ statements: number }>> {
  const sources = await readDesired(settings.desiredDir);
  if (!sources.ok) return sources;
  const loaded = await loadDesired(db, settings.config, sources.value);
  if (!loaded.ok) return loaded;
  return ok({ statements: sources.value.statements.length });
}
