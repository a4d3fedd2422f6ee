// Public entry of the `schemaplan` package (`import … from 'schemaplan'`). Integrations have their own subpaths
// (`schemaplan/safeql`); the engine's programmatic API is exported here as it lands.
export { formatUserError, type Result, type UserError } from './errors.ts';
