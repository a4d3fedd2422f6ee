import rule from '../../lint-rules/unquoted-camel-case.ts';
import { ruleTester } from './harness.ts';

ruleTester(rule, {
  valid: [
    { name: 'quoted camelCase', files: [{ path: 'desired/a.sql', text: 'create table events ("userId" uuid, "createdAt" timestamptz);\n' }] },
    { name: 'lower-case identifiers and keywords in any case', files: [{ path: 'desired/a.sql', text: 'CREATE TABLE Events_x (id UUID);'.toLowerCase() + '\nCREATE INDEX ON t (id);\n' }] },
    { name: 'only .sql files are scanned', files: [{ path: 'desired/a.yaml', text: 'tables: { events: { columns: { userId: uuid } } }' }] },
    { name: 'function bodies skipped when configured', files: [{ path: 'a.sql', text: 'create function f() returns trigger language plpgsql as $$ begin NEW.updatedAt := now(); return NEW; end $$;' }], options: { functionBodies: false } },
  ],
  invalid: [
    {
      name: 'unquoted camelCase column',
      files: [{ path: 'desired/events.sql', text: 'create table events (\n  id uuid,\n  userId uuid\n);\n' }],
      errors: [{ messageId: 'unquoted', line: 3, fix: '"userId"' }],
    },
    {
      name: 'inside a trigger function body',
      files: [{ path: 'desired/fn.sql', text: 'create function touch() returns trigger\nlanguage plpgsql as $fn$\nbegin\n  NEW.updatedAt := now();\n  return NEW;\nend $fn$;\n' }],
      // NEW (all capitals, by convention) folds harmlessly and is not reported.
      errors: [{ messageId: 'unquoted', line: 4 }],
    },
  ],
});
