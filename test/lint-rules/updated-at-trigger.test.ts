import rule from '../../lint-rules/updated-at-trigger.ts';
import { ruleTester } from './harness.ts';

const SETTER = `create function set_updated_at() returns trigger language plpgsql as $$
begin
  NEW."updatedAt" := now();
  return NEW;
end $$;`;

const TABLE = 'create table workflows (id uuid primary key default gen_random_uuid(), "updatedAt" timestamptz not null default now());';

ruleTester(rule, {
  valid: [
    { name: 'BEFORE UPDATE trigger whose function sets the column', sql: `${SETTER} ${TABLE} create trigger workflows_updated before update on workflows for each row execute function set_updated_at();` },
    {
      name: 'BEFORE INSERT OR UPDATE with "=" assignment',
      sql: `create function touch() returns trigger language plpgsql as $$ begin new."updatedAt" = now(); return new; end $$;
            ${TABLE} create trigger t before insert or update on workflows for each row execute function touch();`,
    },
    { name: 'no updatedAt column', sql: 'create table t (id uuid)' },
    {
      name: 'configured snake_case column set unquoted',
      sql: `create function touch() returns trigger language plpgsql as $$ begin NEW.updated_at := now(); return NEW; end $$;
            create table t (updated_at timestamptz); create trigger t before update on t for each row execute function touch();`,
      options: { column: 'updated_at' },
    },
  ],
  invalid: [
    {
      name: 'no trigger at all',
      sql: `${SETTER} ${TABLE}`,
      errors: [{ messageId: 'missing', object: 'table public.workflows', fix: 'CREATE TRIGGER workflows_set_updated_at BEFORE UPDATE ON public.workflows FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();' }],
    },
    {
      name: 'function assigns the folded name (NEW.updatedAt unquoted)',
      sql: `create function touch() returns trigger language plpgsql as $$ begin NEW.updatedAt := now(); return NEW; end $$;
            ${TABLE} create trigger t before update on workflows for each row execute function touch();`,
      errors: [{ messageId: 'notSet', object: 'trigger public.workflows.t' }],
    },
    {
      name: 'the assignment is commented out',
      sql: `create function touch() returns trigger language plpgsql as $$ begin -- NEW."updatedAt" := now();
            return NEW; end $$;
            ${TABLE} create trigger t before update on workflows for each row execute function touch();`,
      errors: [{ messageId: 'notSet' }],
    },
    {
      name: 'AFTER UPDATE trigger cannot change the row',
      sql: `${SETTER} ${TABLE} create trigger t after update on workflows for each row execute function set_updated_at();`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'statement-level trigger',
      sql: `${SETTER} ${TABLE} create trigger t before update on workflows for each statement execute function set_updated_at();`,
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'disabled trigger',
      sql: `${SETTER} ${TABLE} create trigger t before update on workflows for each row execute function set_updated_at(); alter table workflows disable trigger t;`,
      errors: [{ messageId: 'disabled', fix: 'ALTER TABLE public.workflows ENABLE TRIGGER t;' }],
    },
  ],
});
