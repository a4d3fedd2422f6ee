/**
 * The benchmark's synthetic schema: N tables with uuid keys, an FK to users and to the previous table, two
 * indexes, RLS with a policy, an updatedAt trigger and a grant each. Side B changes 5 % of the tables (add a
 * column, drop a column, set a default, drop an index and create another, add a policy) and adds an enum value.
 */
export function schemaA(n: number): string {
  return [header(['low', 'high']), ...Array.from({ length: n }, (_, i) => table(i, false))].join('\n');
}

export function schemaB(n: number): string {
  return [header(['low', 'medium', 'high']), ...Array.from({ length: n }, (_, i) => table(i, changed(i, n)))].join('\n');
}

/** Statements a perfect planner emits: 6 per changed table plus the enum value. */
export function minimalStatements(n: number): number {
  return Array.from({ length: n }, (_, i) => changed(i, n)).filter(Boolean).length * 6 + 1;
}

const changed = (i: number, n: number) => i % Math.round(n / (n * 0.05)) === 0;

function header(levels: string[]): string {
  return `DO $$ BEGIN CREATE ROLE app_user NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TYPE priority AS ENUM (${levels.map((l) => `'${l}'`).join(', ')});
CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL UNIQUE, "createdAt" timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN NEW."updatedAt" := now(); RETURN NEW; END $f$;`;
}

function table(i: number, change: boolean): string {
  const t = `t${i}`;
  const prev = i > 0 ? `, "prevId" uuid REFERENCES t${i - 1}(id)` : '';
  const cols = change
    ? `title text NOT NULL DEFAULT 'untitled', body text, priority priority DEFAULT 'low', "archivedAt" timestamptz`
    : `title text NOT NULL, legacy text, body text, priority priority DEFAULT 'low'`;
  return `CREATE TABLE ${t} (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), "userId" uuid NOT NULL REFERENCES users(id)${prev}, ${cols}, "updatedAt" timestamptz NOT NULL DEFAULT now());
CREATE INDEX ${t}_user_idx ON ${t} ("userId");
${change ? `CREATE INDEX ${t}_title_idx ON ${t} (title);` : `CREATE INDEX ${t}_updated_idx ON ${t} ("updatedAt");`}
ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;
CREATE POLICY ${t}_owner ON ${t} FOR SELECT USING ("userId" = current_setting('app.user_id')::uuid);
${change ? `CREATE POLICY ${t}_insert ON ${t} FOR INSERT WITH CHECK ("userId" = current_setting('app.user_id')::uuid);` : ''}
CREATE TRIGGER ${t}_updated BEFORE UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION set_updated_at();
GRANT SELECT, INSERT ON ${t} TO app_user;`;
}
