import { require as tsxRequire } from 'tsx/cjs/api';
try { const m = tsxRequire('../src/integrations/safeql/cache-key.ts', import.meta.url); console.log(Object.keys(m)); } catch (e) { console.log(String(e.message).slice(0, 800)); }
