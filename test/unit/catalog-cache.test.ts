import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/model/catalog.ts';
import { readCatalogJson, writeCatalogJson } from '../../src/json-file.ts';
import { fromCache, toCache, type CachedCatalog } from '../../src/model/catalog-json.ts';
import { fingerprintCatalog } from '../../src/model/fingerprint.ts';
import { encodeId } from '../../src/model/identity.ts';
import { column, table } from './lint/fixtures.ts';

describe('catalog cache files', () => {
  it('round-trip a catalog written in pieces: objects, edges and fingerprint', () => {
    // More objects than one written piece holds, and an edge from the last to the first.
    // Names and comments beyond ASCII (the file is ASCII and read back as latin1), a surrogate pair among them.
    const objects = Array.from({ length: 1200 }, (_, i) => [table(`tä${i}`), column(`tä${i}`, 'id', 'uuid', 1, { comment: `it's "t${i}" — 表 😀 \u007f` })]).flat();
    const edges = objects.filter((o) => o.kind === 'column').map((c) => ({ from: encodeId(c.id), to: encodeId({ kind: 'table', schema: 'public', name: c.id.kind === 'column' ? c.id.table : '' }) }));
    edges.push({ from: encodeId(objects.at(-1)!.id), to: encodeId(objects[0]!.id) });
    const catalog = buildCatalog(objects, edges, 150000);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sp-cache-')), 'nested', 'desired.json');
    writeCatalogJson(file, { hints: { renames: [], transitions: [] } }, toCache(catalog));
    expect(readFileSync(file, 'latin1')).toMatch(/^[\x20-\x7e]*$/);
    const read = readCatalogJson<{ hints: unknown; catalog: CachedCatalog }>(file);
    expect(read?.hints).toEqual({ renames: [], transitions: [] });
    const back = fromCache(read!.catalog);
    expect([...back.objects.entries()]).toEqual([...catalog.objects.entries()]);
    expect(back.edges).toEqual(catalog.edges);
    expect(back.serverVersion).toBe(150000);
    expect(fingerprintCatalog(back)).toBe(fingerprintCatalog(buildCatalog(objects, edges, 150000)));
  });
  it('treats a missing or damaged file as no cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sp-cache-'));
    writeFileSync(path.join(dir, 'bad.json'), '{"catalog": {"objects": [');
    expect(readCatalogJson(path.join(dir, 'bad.json'))).toBeNull();
    expect(readCatalogJson(path.join(dir, 'missing.json'))).toBeNull();
  });
});
