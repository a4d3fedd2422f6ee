import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
const eslint = new ESLint({ cwd: '/work/wt/safeql', overrideConfigFile: '/tmp/spq/cfg3.mjs' });
const f = '/work/wt/safeql/examples/app/members.ts';
await eslint.lintFiles([f]);
const text = readFileSync(f, 'utf8');
for (const variant of [text.replace('m.role', 'm.rolex'), text.replace('SELECT m.role', '/* e1 */ SELECT m.role'), text.replace('SELECT m.role', '/* e2 */ SELECT m.role')]) {
  const t = performance.now();
  const [r] = await eslint.lintText(variant, { filePath: f });
  console.log((performance.now() - t).toFixed(1), r!.messages.map((m) => m.message));
}
process.exit(0);
