/** Writes schema/desired.schema.json from the zod schema of the YAML format (npm run gen:schema). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { desiredJsonSchemaText } from '../src/desired/yaml/json-schema.ts';

const target = fileURLToPath(new URL('../schema/desired.schema.json', import.meta.url));
writeFileSync(target, desiredJsonSchemaText());
console.log(`wrote ${target}`);
