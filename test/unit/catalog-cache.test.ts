import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/model/catalog.ts';
import { readCatalogJson, readCatalogJsonYielding, writeCatalogJson } from '../../src/json-file.ts';
import { fromCache, toCache, type CachedCatalog } from '../../src/model/catalog-json.ts';
import { fingerprintCatalog } from '../../src/model/fingerprint.ts';
import { encodeId } from '../../src/model/identity.ts';
import { column, table } from './lint/fixtures.ts';

describe('catalog cache files', () => {
  it('round-trip a catalog written in pieces: objects, edges and fingerprint', () => {
    // More objects than one written piece holds, and an edge from the last to the first.
    // Names and comments beyond ASCII (the file is ASCII and read back as latin1), a surrogate pair among them;
    // the first piece has them throughout, the second only in one object, the third only a DEL, the last none.
    const comment = (i: number) => (i < 500 || i === 700 ? `it's "t${i}" — 表 😀 \u007f` : i === 1100 ? `t${i} \u007f` : `t${i}`);
    const objects = Array.from({ length: 1600 }, (_, i) => [i < 500 ? table(`tä${i}`) : table(`t${i}`), column(i < 500 ? `tä${i}` : `t${i}`, 'id', 'uuid', 1, { comment: comment(i) })]).flat();
    const edges = objects.filter((o) => o.kind === 'column').map((c) => ({ from: encodeId(c.id), to: encodeId({ kind: 'table', schema: 'public', name: c.id.kind === 'column' ? c.id.table : '' }) }));
    edges.push({ from: encodeId(objects.at(-1)!.id), to: encodeId(objects[0]!.id) });
    const catalog = buildCatalog(objects, edges, 150000);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sp-cache-')), 'nested', 'desired.json');
    writeCatalogJson(file, { hints: { renames: [], transitions: [] } }, toCache(catalog));
    expect(readFileSync(file, 'latin1')).toMatch(/^[\x20-\x7e\n]*$/);
    const read = readCatalogJson<{ hints: unknown; catalog: CachedCatalog }>(file);
    expect(read?.hints).toEqual({ renames: [], transitions: [] });
    const back = fromCache(read!.catalog);
    expect([...back.objects.entries()]).toEqual([...catalog.objects.entries()]);
    expect(back.edges).toEqual(catalog.edges);
    expect(back.serverVersion).toBe(150000);
    expect(fingerprintCatalog(back)).toBe(fingerprintCatalog(buildCatalog(objects, edges, 150000)));
  });
  it('reads the same catalog while letting the event loop run between pieces', async () => {
    const objects = Array.from({ length: 3500 }, (_, i) => table(`t${i}`));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sp-cache-')), 'target.json');
    writeCatalogJson(file, { schemas: ['public'] }, toCache(buildCatalog(objects, [], 170000)));
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    const read = await readCatalogJsonYielding<{ schemas: string[]; catalog: CachedCatalog }>(file);
    clearInterval(counting);
    expect(read).toEqual(readCatalogJson(file));
    expect(read?.catalog.objects).toEqual(objects);
    // four lines of objects: timers ran between them, not only after the whole file
    expect(turns).toBeGreaterThanOrEqual(3);
  });
  it('treats a missing, damaged or cut-short file as no cache', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sp-cache-'));
    writeFileSync(path.join(dir, 'bad.json'), '{"catalog": {"objects": [');
    expect(readCatalogJson(path.join(dir, 'bad.json'))).toBeNull();
    expect(readCatalogJson(path.join(dir, 'missing.json'))).toBeNull();
    expect(await readCatalogJsonYielding(path.join(dir, 'missing.json'))).toBeNull();
    // a file cut short after a whole line of objects is still not the whole catalog
    const whole = path.join(dir, 'whole.json');
    writeCatalogJson(whole, {}, toCache(buildCatalog(Array.from({ length: 2500 }, (_, i) => table(`t${i}`)), [], 170000)));
    const text = readFileSync(whole, 'latin1');
    writeFileSync(path.join(dir, 'cut.json'), text.slice(0, text.lastIndexOf('\n', text.length - 2)), 'latin1');
    expect(readCatalogJson(path.join(dir, 'cut.json'))).toBeNull();
    expect(await readCatalogJsonYielding(path.join(dir, 'cut.json'))).toBeNull();
    // a file of the former single-document layout is not read as an empty catalog
    writeFileSync(path.join(dir, 'old.json'), JSON.stringify({ catalog: { objects: [table('t')], edges: [] } }));
    expect(readCatalogJson(path.join(dir, 'old.json'))).toBeNull();
  });
});
