import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: '/work/wt/safeql', overrideConfigFile: '/tmp/spq/cfg3.js' });
const f = '/work/wt/safeql/examples/app/members.ts';
const c = await eslint.calculateConfigForFile(f);
console.log(c ? Object.keys(c.rules ?? {}) : c, await eslint.isPathIgnored(f));
const [r] = await eslint.lintText('const x = 1;', { filePath: f });
console.log(r.messages);
