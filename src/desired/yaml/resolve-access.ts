import type { Path } from './locate.ts';
import type { AbsorbDef, ColumnDef, PolicyDef, QName } from './model.ts';
import type { ResolveContext } from './resolve-context.ts';
import type { AbsorbSpec, PolicySpec } from './schema.ts';

/** One `policies:` entry → a PolicyDef; clauses the command does not allow are reported. */
export function resolvePolicy(name: string, p: PolicySpec, path: Path, ctx: ResolveContext): PolicyDef {
  const command = p.command ?? 'all';
  if (p.withCheck && (command === 'select' || command === 'delete')) {
    ctx.fail(`a ${command} policy cannot have withCheck (only using)`, [...path, 'withCheck'], { onKey: true });
  }
  if (p.using && command === 'insert') {
    ctx.fail('an insert policy cannot have using (only withCheck)', [...path, 'using'], { onKey: true });
  }
  return {
    name,
    command,
    roles: p.roles ?? ['public'],
    ...(p.using ? { using: ctx.expression(p.using, [...path, 'using']) } : {}),
    ...(p.withCheck ? { withCheck: ctx.expression(p.withCheck, [...path, 'withCheck']) } : {}),
    restrictive: p.as === 'restrictive',
    ...(p.comment !== undefined ? { comment: p.comment } : {}),
    location: ctx.where.keyAt(path),
  };
}

/** One `absorbs:` entry of table `id` → an AbsorbDef whose rows can actually be inserted into the table. */
export function resolveAbsorb(a: AbsorbSpec, path: Path, id: QName, tableColumns: readonly ColumnDef[], ctx: ResolveContext): AbsorbDef | undefined {
  const from = ctx.qname(a.from, [...path, 'from']);
  if (!from) return undefined;
  if (from.schema === id.schema && from.name === id.name) {
    ctx.fail('a table cannot absorb itself', [...path, 'from']);
    return undefined;
  }
  const known = new Set(tableColumns.map((c) => c.name));
  const columns: Record<string, string> = {};
  for (const [target, expr] of Object.entries(a.columns)) {
    ctx.known(target, known, [...path, 'columns', target], `table ${id.schema}.${id.name}`, true);
    columns[target] = ctx.expression(expr, [...path, 'columns', target]);
  }
  if (Object.keys(columns).length === 0) ctx.fail('absorbs needs at least one column mapping', [...path, 'columns']);
  checkAbsorbTargets(tableColumns, columns, path, ctx);
  return {
    from,
    columns,
    ...(a.where ? { where: ctx.expression(a.where, [...path, 'where']) } : {}),
    location: ctx.where.at(path),
  };
}

/** The copied rows must be insertable: generated columns cannot be written, required columns must be filled. */
function checkAbsorbTargets(columns: readonly ColumnDef[], mapped: Readonly<Record<string, string>>, path: Path, ctx: ResolveContext): void {
  for (const c of columns) {
    const target = Object.hasOwn(mapped, c.name);
    if (target && (c.generated || c.identity === 'always')) {
      ctx.fail(`column "${c.name}" is ${c.generated ? 'generated' : 'an identity column'} and cannot be written`, [...path, 'columns', c.name], {
        onKey: true,
      });
    }
    if (!target && c.notNull && c.default === undefined && !c.identity && !c.generated) {
      ctx.fail(`absorbs does not fill column "${c.name}", which is NOT NULL without a default`, [...path, 'columns'], {
        onKey: true,
        hint: `map it: ${c.name}: <SQL expression over the old row>`,
      });
    }
  }
}
