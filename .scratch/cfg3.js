import { sqlChecked } from '/work/wt/safeql/eslint.config.js';
export default sqlChecked(['test/fixtures/safeql-lint/*.ts', 'examples/app/*.ts'], { cwd: '/tmp/spq/proj' });
