import type { SourceLocation, UserError } from '../../errors.ts';
import { didYouMean } from './did-you-mean.ts';
import { qnameKey, showQName, type DesiredModel, type EnumDef, type TableDef } from './model.ts';
import type { ParsedFile } from './parse.ts';
import { ResolveContext } from './resolve-context.ts';
import { resolveTable } from './resolve-table.ts';

const at = (l: SourceLocation): string => `${l.file}:${l.line}:${l.column}`;

/** All files together → one model, so that references and duplicates are checked across files. */
export function resolveFiles(files: readonly ParsedFile[]): { model: DesiredModel; errors: UserError[] } {
  const errors: UserError[] = [];
  const duplicate = (what: string, first: SourceLocation, again: SourceLocation): void => {
    errors.push({ code: 'desired-yaml', message: `${what} is defined twice (first at ${at(first)})`, location: again });
  };

  const schemas = new Map<string, DesiredModel['schemas'][number]>();
  const extensions = new Map<string, DesiredModel['extensions'][number]>();
  const enums = new Map<string, EnumDef>();
  const contexts = files.map((f) => ({ f, ctx: new ResolveContext(f.where, f.data.schema ?? 'public', enums, errors) }));

  for (const { f, ctx } of contexts) {
    f.data.schemas?.forEach((s, i) => {
      const def = typeof s === 'string' ? { name: s } : s;
      const location = f.where.at(['schemas', i]);
      const seen = schemas.get(def.name);
      if (seen) duplicate(`schema ${def.name}`, seen.location, location);
      else schemas.set(def.name, { ...def, location });
    });
    f.data.extensions?.forEach((e, i) => {
      const def = typeof e === 'string' ? { name: e } : e;
      const location = f.where.at(['extensions', i]);
      const seen = extensions.get(def.name);
      if (seen) duplicate(`extension ${def.name}`, seen.location, location);
      else extensions.set(def.name, { ...def, location });
    });
    for (const [key, spec] of Object.entries(f.data.enums ?? {})) {
      const path = ['enums', key];
      const id = ctx.qname(key, path, true);
      if (!id) continue;
      const { values, comment } = Array.isArray(spec) ? { values: spec, comment: undefined } : spec;
      const location = f.where.keyAt(path);
      const seen = enums.get(qnameKey(id));
      if (seen) {
        duplicate(`enum ${showQName(id)}`, seen.location, location);
        continue;
      }
      const dupValue = values.find((v, i) => values.indexOf(v) !== i);
      if (dupValue !== undefined) ctx.fail(`enum value "${dupValue}" is listed twice`, path);
      enums.set(qnameKey(id), { id, values, ...(comment !== undefined ? { comment } : {}), location });
    }
  }

  const tables = new Map<string, TableDef>();
  for (const { f, ctx } of contexts) {
    for (const [key, spec] of Object.entries(f.data.tables ?? {})) {
      const table = resolveTable(key, spec, ctx);
      if (!table) continue;
      const seen = tables.get(qnameKey(table.id));
      if (seen) duplicate(`table ${showQName(table.id)}`, seen.location, table.location);
      else tables.set(qnameKey(table.id), table);
    }
  }

  checkRelationNames([...tables.values()], [...enums.values()], duplicate);
  for (const t of tables.values()) {
    for (const a of t.absorbs) {
      const still = tables.get(qnameKey(a.from));
      if (!still) continue;
      errors.push({
        code: 'desired-yaml',
        message: `${showQName(t.id)} absorbs ${showQName(a.from)}, which is still defined (at ${at(still.location)})`,
        location: a.location,
        hint: 'an absorbed table is dropped after its rows are copied; remove its definition',
      });
    }
  }
  checkReferences(tables, errors);
  return {
    model: {
      schemas: [...schemas.values()],
      extensions: [...extensions.values()],
      enums: [...enums.values()],
      tables: [...tables.values()],
    },
    errors,
  };
}

/** Tables, indexes and the indexes behind primary keys and unique constraints share one namespace per schema. */
function checkRelationNames(
  tables: readonly TableDef[],
  enums: readonly EnumDef[],
  duplicate: (what: string, first: SourceLocation, again: SourceLocation) => void,
): void {
  const relations = new Map<string, SourceLocation>();
  const claim = (schema: string, name: string, what: string, location: SourceLocation): void => {
    const key = qnameKey({ schema, name });
    const first = relations.get(key);
    if (first) duplicate(`${what} ${schema}.${name}`, first, location);
    else relations.set(key, location);
  };
  for (const t of tables) claim(t.id.schema, t.id.name, 'relation', t.location);
  // a table's row type would clash with an enum of the same name
  for (const e of enums) {
    const first = relations.get(qnameKey(e.id));
    if (first) duplicate(`type ${showQName(e.id)} (table row type and enum)`, first, e.location);
  }
  for (const t of tables) {
    for (const k of [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques]) claim(t.id.schema, k.name, 'index', k.location);
    for (const ix of t.indexes) claim(t.id.schema, ix.name, 'index', ix.location);
  }
}

/**
 * Foreign keys to tables defined in YAML must name existing columns. Tables not defined in YAML may come from
 * SQL files; those references are left to the shadow database.
 */
function checkReferences(tables: ReadonlyMap<string, TableDef>, errors: UserError[]): void {
  for (const t of tables.values()) {
    for (const fk of t.foreignKeys) {
      const target = tables.get(qnameKey(fk.table));
      if (!target) continue;
      const columns = new Set(target.columns.map((c) => c.name));
      if (!fk.refColumns) {
        if (!target.primaryKey) {
          errors.push({
            code: 'desired-yaml',
            message: `${fk.name}: table ${showQName(fk.table)} has no primary key to reference`,
            location: fk.location,
            hint: 'name the referenced column, e.g. references: table.column',
          });
        } else if (target.primaryKey.columns.length !== fk.columns.length) {
          errors.push({
            code: 'desired-yaml',
            message: `${fk.name}: ${fk.columns.length} column(s) reference the ${target.primaryKey.columns.length}-column primary key of ${showQName(fk.table)}`,
            location: fk.location,
          });
        }
        continue;
      }
      for (const c of fk.refColumns) {
        if (columns.has(c)) continue;
        const hint = didYouMean(c, columns);
        errors.push({
          code: 'desired-yaml',
          message: `${fk.name}: unknown column "${c}" in referenced table ${showQName(fk.table)}`,
          location: fk.location,
          ...(hint ? { hint } : {}),
        });
      }
    }
  }
}
