import { ESLint } from 'eslint';
for (const cfgFile of ['/tmp/spq/cfg3.mjs', '/work/wt/safeql/.scratch/cfg3.js']) {
  const eslint = new ESLint({ cwd: '/work/wt/safeql', overrideConfigFile: cfgFile });
  for (const f of ['/work/wt/safeql/examples/app/members.ts', '/work/wt/safeql/test/fixtures/safeql-lint/correct.ts']) {
    console.log(cfgFile, f, await eslint.isPathIgnored(f), !!(await eslint.calculateConfigForFile(f)));
  }
}
