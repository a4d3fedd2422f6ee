import { Command, CommanderError, Option } from 'commander';
import { applyCommand } from './commands/apply.ts';
import { compileCommand } from './commands/compile.ts';
import { lintCommand } from './commands/lint.ts';
import { inspectCommand } from './commands/inspect.ts';
import { planCommand } from './commands/plan.ts';
import { reportCommand } from './commands/report.ts';
import { EXIT } from './exit.ts';
import { ignoreClosedPipes } from './output/io.ts';
import { interruption } from '../desired/shadow/provider.ts';
import { PACKAGE_VERSION } from '../assets.ts';

const program = new Command('schemaplan')
  .description('Desired-state schema as code for PostgreSQL')
  .version(PACKAGE_VERSION, '-V, --version', "print schemaplan's version")
  .option('--debug', 'show stack traces for unexpected errors')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

const TARGET = '(default: $DATABASE_URL, else the embedded dev database)';
const withConfig = (cmd: Command) => cmd.option('--config <file>', 'schemaplan.yaml to use (default: ./schemaplan.yaml)');
const withDesired = (cmd: Command) => cmd.option('--desired <path>', 'desired state: a directory of .sql/.yaml files, or one .sql file');
/** Where the target is and where its shadows run; `readable`: a dump or a migrations folder may stand for one. */
const withTarget = (cmd: Command, readable: boolean) =>
  cmd
    .option(
      readable ? '--target <url|file|dir>' : '--target <url>',
      readable ? `postgres:// URL, a SQL dump, or a folder of migrations ${TARGET}` : `postgres:// URL of the database ${TARGET}`,
    )
    .option('--env <name>', 'a target from the environments in schemaplan.yaml')
    .option('--dev-url <url>', 'shadow database: postgres://… (a temporary database is created there), docker://postgres:16, or embedded');
const common = (cmd: Command) => withTarget(withDesired(withConfig(cmd)), true);

let exitCode: number = EXIT.ok;

common(program.command('plan').description('show the DDL that turns the target into the desired state'))
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'sql', 'json', 'markdown']).default('text'))
  .option('--out <file>', 'write the plan to a file')
  .option('--exit-code', 'exit 2 when there are changes')
  .option('--no-cache', 'normalize the desired state and read the target again even if neither changed (and keep no cache)')
  .addOption(new Option('--fail-on <severity>', 'exit 3 when a lint finding is at or above this severity').choices(['error', 'warn', 'info', 'never']))
  .action(async (flags) => {
    exitCode = await planCommand(flags);
  });

withTarget(withDesired(withConfig(program.command('apply').description('plan, confirm, and apply in one transaction; verify the result'))), false)
  .option('--auto-approve', 'do not ask for confirmation')
  .option('--allow-destructive', 'allow a plan that loses data (drops a table, column, schema or extension, recreates a table, or converts a column to a type that rounds or cuts values)')
  .option('--plan <file>', 'apply a plan saved with plan --format json --out FILE (refused if the target changed since)')
  .option('--no-cache', 'normalize the desired state in a shadow even if it did not change (and keep no cache)')
  .action(async (flags) => {
    exitCode = await applyCommand(flags);
  });

withTarget(withConfig(program.command('inspect').description("print the target's managed schema")), true)
  .addOption(new Option('--format <format>', 'output format').choices(['sql', 'json']).default('sql'))
  .option('--out <file>', 'write to a file')
  .action(async (flags) => {
    exitCode = await inspectCommand(flags);
  });

common(program.command('report').description('the gap report: what the target lacks or has too much, with the fix the plan would make'))
  .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'json']).default('markdown'))
  .option('--out <file>', 'write the report to a file')
  .option('--no-cache', 'normalize the desired state and read the target again even if neither changed (and keep no cache)')
  .action(async (flags) => {
    exitCode = await reportCommand(flags);
  });

program
  .command('lint')
  .description('lint the desired state against the policies in lint-rules/')
  .option('--config <file>', 'schemaplan.yaml to use')
  .option('--desired <path>', 'desired state directory or file')
  .option('--dev-url <url>', 'shadow database (postgres://…, docker://…, embedded)')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'github', 'markdown']).default('text'))
  .addOption(new Option('--fail-on <severity>', 'exit 3 when a finding is at or above this severity').choices(['error', 'warn', 'info', 'never']))
  .option('--update-baseline', 'write the current findings to the baseline file; later runs fail only on new ones')
  .option('--no-cache', 'normalize the desired state in a shadow even if it did not change (and keep no cache)')
  .option('--out <file>', 'write to a file')
  .action(async (flags) => {
    exitCode = await lintCommand(flags);
  });

program
  .command('compile')
  .description('print the SQL the desired state compiles to (YAML → SQL), with file:line of each statement')
  .option('--config <file>', 'schemaplan.yaml to use')
  .option('--desired <path>', 'desired state directory or file')
  .option('--out <file>', 'write to a file')
  .action(async (flags) => {
    exitCode = await compileCommand(flags);
  });

ignoreClosedPipes();
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.error;
  } else {
    const debug = program.opts()['debug'] || process.env['SCHEMAPLAN_DEBUG'];
    if (!interruption()) process.stderr.write(`error: ${(e as Error).message}\n${debug ? `${(e as Error).stack}\n` : '  (run with --debug for a stack trace)\n'}`);
    exitCode = EXIT.error;
  }
}
process.exitCode = exitCode;
