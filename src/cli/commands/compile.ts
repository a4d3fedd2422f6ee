import { readDesired } from '../../desired/build.ts';
import { renderCompiledSql } from '../../desired/yaml/index.ts';
import { resolveContext, type CommonFlags } from '../context.ts';
import { EXIT } from '../exit.ts';
import { printError, writeOutput } from '../output/io.ts';

export interface CompileFlags extends CommonFlags {
  out?: string;
}

/** The SQL the desired state becomes (YAML compiled, SQL as written), each statement with its source. */
export async function compileCommand(flags: CompileFlags): Promise<number> {
  const ctx = resolveContext(flags);
  if (!ctx.ok) return (printError(ctx.error), EXIT.error);
  const sources = await readDesired(ctx.value.desiredPath);
  if (!sources.ok) return (printError(sources.error), EXIT.error);
  const written = writeOutput(renderCompiledSql(sources.value.statements), flags.out);
  if (!written.ok) return (printError(written.error), EXIT.error);
  return EXIT.ok;
}
