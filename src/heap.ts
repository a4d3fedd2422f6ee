import v8 from 'node:v8';

/**
 * V8 lets a short-lived process's heap grow up to 4× its live size before a full collection. With a 10,000-table
 * catalog that peaks near 600 MB, half of it garbage; with 1,000 tables the extra collections of a tighter limit
 * are a tenth of a warm plan (70 ms measured). So the limit is set from what the run turns out to hold, and only
 * ever tightened.
 */
let growingPercent = Infinity;

function limitHeapGrowth(percent: number): void {
  if (percent >= growingPercent) return;
  growingPercent = percent;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** Cached catalog files above this size (~3,500 tables) mean a heap worth keeping near its live size. */
const LARGE_CATALOG_BYTES = 16 << 20;

/** A catalog file about to be parsed: a large one lets the heap grow at most 2× between full collections. */
export function expectCatalogOfSize(bytes: number): void {
  if (bytes > LARGE_CATALOG_BYTES) limitHeapGrowth(100);
}

/**
 * A cold plan peaks with both catalogs, the compiled desired sources and the target's rows in memory at once.
 * Letting the heap grow only 1.5× its live size between full collections keeps a 10,000-table cold plan under
 * 500 MB (468–496 MB measured, 507 MB at 2×), and the extra collections cost nothing anyone waits for: the
 * shadow's DDL decides a cold plan's time, not the client.
 */
export function tightenHeapForColdPlan(): void {
  limitHeapGrowth(50);
}
