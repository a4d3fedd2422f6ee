import { childrenOf, parentOf, type Catalog } from '../model/catalog.ts';
import { objectOf, stmt, type Change, type Statement } from '../model/change.ts';
import { changedFields } from '../kinds/common.ts';
import { informationalFields } from '../model/fingerprint.ts';
import { describeId, encodeId } from '../model/identity.ts';
import type { CatalogObject } from '../model/objects.ts';
import { columnDropped } from '../kinds/column.ts';
import { createdWithTable } from '../kinds/constraint.ts';
import type { DdlContext } from '../kinds/kind.ts';
import { kindModule } from '../kinds/registry.ts';
import { REBUILD_FIELD } from '../diff/dependents.ts';
import { topoSort } from './graph.ts';
import type { PlanStep } from './plan.ts';

interface Node {
  readonly phase: 'drop' | 'create';
  readonly change: Change;
  readonly key: string;
  readonly weight: number;
  readonly statements: Statement[];
}

/**
 * Changes → ordered steps. Drops are ordered by the current catalog's dependency edges, creates and alters by
 * the desired one's; an object created (or dropped) together with its table is folded into the table's step.
 */
export function orderChanges(changes: readonly Change[], current: Catalog, desired: Catalog): { steps: PlanStep[]; notes: string[] } {
  const ctx: DdlContext = { current, desired };
  const createNode = new Map<string, Node>();
  const dropNode = new Map<string, Node>();
  const nodes: Node[] = [];
  const after: PlanStep[] = [];
  // Cleanups of custom replaces (the old type renamed away), by object key: not creates of their own.
  const cleanupNode = new Map<string, Node>();
  const node = (phase: Node['phase'], change: Change, o: CatalogObject, statements: Statement[]) => {
    const n: Node = { phase, change, key: encodeId(o.id), weight: kindModule(o.kind).weight, statements };
    nodes.push(n);
    (phase === 'drop' ? dropNode : createNode).set(n.key, n);
    return n;
  };
  const createdTables = new Set<string>();
  const dropped = new Set<string>();
  for (const c of changes) {
    if (c.op === 'create' && c.to.kind === 'table') createdTables.add(encodeId(c.to.id));
    if (c.op === 'drop' && (c.from.kind === 'table' || (c.from.kind === 'column' && columnDropped(c.from, ctx)))) dropped.add(encodeId(c.from.id));
  }
  // Object key → the key of the table whose step it was folded into, per side.
  const foldedCreate = new Map<string, string>();
  const foldedDrop = new Map<string, string>();
  // Drop-phase parts of alters: they run before the drops of what they let go of, and are no drop themselves.
  const releases = new Set<Node>();
  const releaseBefore: [Node, string[]][] = [];
  const renames: PlanStep[] = [];
  const dataNodes: { node: Node; table: string; from: string }[] = [];
  for (const c of changes) {
    const o = objectOf(c);
    const key = encodeId(o.id);
    const module = kindModule(o.kind);
    switch (c.op) {
      case 'rename':
        // Renames come first: the rest of the plan is computed on the new names.
        renames.push({ change: c, phase: 'drop', statements: module.rename!(c.from as never, c.to as never) });
        break;
      case 'data': {
        const n: Node = { phase: 'create', change: c, key: `data:${key}:${encodeId(c.from.id)}`, weight: 100, statements: [stmt(c.sql, 'shareRowExclusive', [{ code: 'data-step', detail: `copies the rows of ${describeId(c.from.id)} into ${describeId(c.to.id)}` }])] };
        nodes.push(n);
        dataNodes.push({ node: n, table: key, from: encodeId(c.from.id) });
        break;
      }
      case 'create': {
        const parent = parentOf(c.to);
        const parentKey = parent && encodeId(parent);
        if (parentKey && createdTables.has(parentKey) && foldsIntoCreate(c.to)) foldedCreate.set(key, parentKey);
        else node('create', c, c.to, module.create(c.to as never, ctx));
        const deferred = module.after?.(c.to as never, ctx) ?? [];
        if (deferred.length) after.push({ change: c, phase: 'after', statements: deferred });
        break;
      }
      case 'drop': {
        const owner = dropOwner(c.from, dropped).find((k) => dropped.has(k));
        if (owner) foldedDrop.set(key, owner);
        else node('drop', c, c.from, module.drop(c.from as never, ctx));
        break;
      }
      case 'alter': {
        const phases = module.alterPhases?.(c.from as never, c.to as never, c.fields, ctx);
        if (phases?.release.length) {
          const release = node('drop', c, c.from, phases.release);
          releases.add(release);
          releaseBefore.push([release, [...dropOwner(c.from, dropped), ...childrenOf(current, c.from.id).map((x) => encodeId(x.id))]]);
        }
        node('create', c, c.to, module.alter(c.from as never, c.to as never, c.fields, ctx));
        if (phases?.deferred.length) after.push({ change: c, phase: 'after', statements: phases.deferred });
        break;
      }
      case 'replace': {
        const detach = c.fields[0] === REBUILD_FIELD ? module.detach?.(c.from as never) : null;
        const custom = detach ? null : module.replace?.(c.from as never, c.to as never, ctx);
        if (detach) {
          node('drop', c, c.from, detach.statements);
          const fields = changedFields(detach.detached, c.to, informationalFields(c.to.kind));
          node('create', c, c.to, fields.length ? module.alter(detach.detached as never, c.to as never, fields, ctx) : []);
        } else if (custom) {
          node('drop', c, c.from, custom.before);
          node('create', c, c.to, custom.after);
          if (custom.cleanup?.length) {
            const n: Node = { phase: 'create', change: c, key, weight: module.weight, statements: custom.cleanup };
            nodes.push(n);
            cleanupNode.set(key, n);
          }
        } else {
          node('drop', c, c.from, module.drop(c.from as never, ctx));
          node('create', c, c.to, module.create(c.to as never, ctx));
          const deferred = module.after?.(c.to as never, ctx) ?? [];
          if (deferred.length) after.push({ change: c, phase: 'after', statements: deferred });
        }
        break;
      }
    }
  }
  const createSide = (key: string) => createNode.get(key) ?? resolveFolded(foldedCreate.get(key), createNode);
  const dropSide = (key: string) => dropNode.get(key) ?? resolveFolded(foldedDrop.get(key), dropNode);
  const edges: [Node, Node][] = [];
  for (const n of nodes) {
    if (n.phase === 'create' && dropNode.has(n.key)) edges.push([dropNode.get(n.key)!, n]);
  }
  for (const [release, owners] of releaseBefore) {
    for (const k of owners) {
      const d = dropSide(k);
      if (d && d !== release) edges.push([release, d]);
    }
  }
  for (const e of current.edges) {
    const x = dropSide(e.from);
    const y = dropSide(e.to);
    if (x && y && x !== y && !releases.has(y)) edges.push([x, y]);
    const ax = createNode.get(e.from);
    if (ax && ax.change.op === 'alter' && y) edges.push([ax, y]);
    const ay = createNode.get(e.to);
    if (x && ay && ay.change.op === 'alter') edges.push([x, ay]);
  }
  for (const e of desired.edges) {
    const x = createSide(e.from);
    const y = createSide(e.to);
    if (x && y && x !== y) edges.push([y, x]);
  }
  // What a replace leaves behind goes once its own create ran, and once what used it has been created anew (and
  // has dropped what it left behind itself): a domain over an enum moves to the new enum before the old one goes.
  for (const [key, cleanup] of cleanupNode) edges.push([createNode.get(key)!, cleanup]);
  if (cleanupNode.size) {
    for (const e of current.edges) {
      const cleanup = cleanupNode.get(e.to);
      if (!cleanup) continue;
      const x = cleanupNode.get(e.from) ?? createSide(e.from);
      if (x && x !== cleanup) edges.push([x, cleanup]);
    }
  }
  // A data step runs once the absorbing table and all its new columns and constraints exist, and before
  // the absorbed table is dropped.
  for (const d of dataNodes) {
    for (const n of nodes) {
      if (n.phase !== 'create' || n === d.node) continue;
      const o = objectOf(n.change);
      const parent = o.kind === 'table' ? o.id : parentOf(o);
      if (parent && encodeId(parent) === d.table) edges.push([n, d.node]);
    }
    const drop = dropSide(d.from);
    if (drop) edges.push([d.node, drop]);
  }
  const compare = (a: Node, b: Node) => {
    if (a.phase !== b.phase) return a.phase === 'drop' ? -1 : 1;
    const w = a.phase === 'drop' ? b.weight - a.weight : a.weight - b.weight;
    if (w) return w;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
  const { order, cycleBreaks } = topoSort(nodes, edges, compare);
  const steps: PlanStep[] = order.map((n) => ({ change: n.change, phase: n.phase, statements: n.statements }));
  const notes = cycleBreaks.map((n) => `dependency cycle broken at ${n.phase} of ${describeId(objectOf(n.change).id)}`);
  return { steps: [...renames, ...steps, ...after], notes };
}

function resolveFolded(parent: string | undefined, map: ReadonlyMap<string, Node>): Node | undefined {
  return parent === undefined ? undefined : map.get(parent);
}

/** Columns and non-FK constraints are written inside CREATE TABLE (or come with it, from a partition's parent). */
function foldsIntoCreate(o: CatalogObject): boolean {
  if (o.kind === 'column') return true;
  if (o.kind === 'constraint') return createdWithTable(o);
  return false;
}

/** The objects whose DROP also drops this one: its table, or the table and column owning a sequence. */
function dropOwner(o: CatalogObject, dropped: ReadonlySet<string>): string[] {
  // A partition goes with its partitioned table.
  if (o.kind === 'table' && o.partitionOf) return [encodeId({ kind: 'table', schema: o.partitionOf.schema, name: o.partitionOf.name })];
  // A foreign key to another dropped table is dropped on its own, first: two dropped tables that reference each
  // other (or a partition the key references through its parent) could not be dropped in any order otherwise.
  if (o.kind === 'constraint' && o.references && (o.references.schema !== o.id.schema || o.references.table !== o.id.table)) {
    if (dropped.has(encodeId({ kind: 'table', schema: o.references.schema, name: o.references.table }))) return [];
  }
  if (o.kind === 'sequence' && o.ownedBy) {
    const { schema } = o.id;
    return [encodeId({ kind: 'table', schema, name: o.ownedBy.table }), encodeId({ kind: 'column', schema, table: o.ownedBy.table, name: o.ownedBy.column })];
  }
  const parent = parentOf(o);
  return parent ? [encodeId(parent)] : [];
}
