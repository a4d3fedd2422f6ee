import { introspect } from '../../introspect/introspect.ts';
import { resolveSchemas } from '../../introspect/schemas.ts';
import { buildCatalog, type Catalog } from '../../model/catalog.ts';
import { makePlan } from '../../plan/make-plan.ts';
import { isEmpty } from '../../plan/plan.ts';
import { renderSql } from '../../plan/render/sql.ts';
import { catalogDocument } from '../../model/catalog-json.ts';
import { openTarget } from '../../target/target.ts';
import { chooseProvider } from '../../workflow/prepare.ts';
import { resolveContext, type CommonFlags } from '../context.ts';
import { EXIT } from '../exit.ts';
import { printError, writeOutput } from '../output/io.ts';

export interface InspectFlags extends CommonFlags {
  format: 'sql' | 'json';
  out?: string;
}

/** The target's managed schema as SQL (what creating it from nothing takes), or as the catalog JSON. */
export async function inspectCommand(flags: InspectFlags): Promise<number> {
  const ctx = resolveContext(flags);
  if (!ctx.ok) return (printError(ctx.error), EXIT.error);
  const { provider } = chooseProvider(ctx.value.config, ctx.value.target, ctx.value.devUrl);
  const opened = await openTarget(ctx.value.target, ctx.value.config, provider);
  if (!opened.ok) return (printError(opened.error), EXIT.error);
  const target = opened.value;
  try {
    const schemas = await resolveSchemas(target.db, ctx.value.config);
    const catalog = await introspect(target.db, { schemas });
    const text = flags.format === 'json' ? JSON.stringify(catalogDocument(catalog)) + '\n' : inspectSql(catalog, schemas);
    const written = writeOutput(text, flags.out);
    if (!written.ok) return (printError(written.error), EXIT.error);
    return EXIT.ok;
  } finally {
    await target.dispose();
  }
}

/** The statements that create the managed schemas' objects from nothing (`inspect`'s output). */
function inspectSql(catalog: Catalog, schemas: readonly string[]): string {
  const plan = makePlan(existingEverywhere(catalog), catalog, schemas);
  return isEmpty(plan) ? `-- The managed schemas (${schemas.join(', ')}) hold no objects.\n` : renderSql(plan);
}

/** What creating the schema from nothing may take as given: the schemas every database has (public). */
function existingEverywhere(catalog: Catalog): Catalog {
  return buildCatalog([...catalog.objects.values()].filter((o) => o.kind === 'schema' && o.id.name === 'public'), [], catalog.serverVersion);
}
