import type { Catalog } from '../model/catalog.ts';
import { describeId } from '../model/identity.ts';
import type { CatalogObject } from '../model/objects.ts';
import type { SectionBuilder } from './model.ts';

/** SQL text of an object where a function call can hide: policy expressions, bodies, defaults, triggers, views. */
function textsOf(o: CatalogObject): string[] {
  switch (o.kind) {
    case 'policy':
      return [o.using ?? '', o.withCheck ?? ''];
    case 'function':
    case 'trigger':
    case 'view':
    case 'matview':
      return [o.definition];
    case 'column':
      return [o.default ?? '', o.generated ?? ''];
    default:
      return [];
  }
}

/** schema.function → the objects calling it, for functions in external schemas (auth.role(), auth.uid()). */
export function externalCalls(catalog: Catalog, externalSchemas: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!externalSchemas.length) return out;
  const names = externalSchemas.map((s) => s.replace(/[^a-z0-9_]/gi, '')).join('|');
  const call = new RegExp(`\\b(${names})\\.([a-z_][a-z0-9_]*)\\s*\\(`, 'gi');
  for (const o of catalog.objects.values()) {
    for (const text of textsOf(o)) {
      for (const m of text.matchAll(call)) {
        const key = `${m[1]!.toLowerCase()}.${m[2]!.toLowerCase()}()`;
        const users = out.get(key) ?? [];
        if (!users.includes(describeId(o.id))) users.push(describeId(o.id));
        out.set(key, users);
      }
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** The platform's functions the target relies on: provided here by stubs, they must exist in production too. */
export function addExternalFunctionItems(catalog: Catalog, externalSchemas: readonly string[], into: SectionBuilder): void {
  for (const [fn, users] of externalCalls(catalog, externalSchemas)) {
    const shown = users.slice(0, 8).join('; ') + (users.length > 8 ? `; and ${users.length - 8} more` : '');
    into.add('Function Dependencies', 'Missing Helper Functions', {
      object: `function ${fn}`,
      message: `external function used by ${users.length} object${users.length === 1 ? '' : 's'} (${shown}); provided by the external stub, verify it exists in production`,
      fix: `keep ${fn} in the external stubs (schemaplan.yaml external:) only if the production platform provides it; otherwise define it or stop calling it`,
      source: 'catalog',
    });
  }
}
