/**
 * Topological order with a priority tie-break (Kahn's algorithm over a binary heap). When the graph has a
 * cycle, the lowest-priority blocked node is released and reported, so a plan is always produced.
 */
export function topoSort<N>(nodes: readonly N[], edges: readonly [N, N][], compare: (a: N, b: N) => number): { order: N[]; cycleBreaks: N[] } {
  const index = new Map<N, number>();
  nodes.forEach((n, i) => index.set(n, i));
  const out: number[][] = nodes.map(() => []);
  const indegree = new Array<number>(nodes.length).fill(0);
  for (const [a, b] of edges) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined || ia === ib) continue;
    out[ia]!.push(ib);
    indegree[ib]!++;
  }
  const cmp = (a: number, b: number) => compare(nodes[a]!, nodes[b]!);
  const heap = new Heap<number>(cmp);
  indegree.forEach((d, i) => d === 0 && heap.push(i));
  const order: N[] = [];
  const done = new Array<boolean>(nodes.length).fill(false);
  const cycleBreaks: N[] = [];
  while (order.length < nodes.length) {
    if (!heap.size) {
      let best = -1;
      for (let i = 0; i < nodes.length; i++) if (!done[i] && (best < 0 || cmp(i, best) < 0)) best = i;
      cycleBreaks.push(nodes[best]!);
      indegree[best] = 0;
      heap.push(best);
    }
    const i = heap.pop()!;
    if (done[i]) continue;
    done[i] = true;
    order.push(nodes[i]!);
    for (const j of out[i]!) if (!done[j] && --indegree[j]! === 0) heap.push(j);
  }
  return { order, cycleBreaks };
}

class Heap<T> {
  private items: T[] = [];
  constructor(private readonly cmp: (a: T, b: T) => number) {}
  get size() {
    return this.items.length;
  }
  push(x: T) {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.cmp(a[i]!, a[p]!) >= 0) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    if (!a.length) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.cmp(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.cmp(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
