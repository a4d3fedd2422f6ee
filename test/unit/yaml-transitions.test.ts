import { beforeAll, describe, expect, it } from 'vitest';
import { collectTransitions, transitionInsertSql } from '../../src/desired/yaml/index.ts';
import { compileOk, where, yaml } from './yaml-helpers.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

const events = `
  tables:
    events:
      id: uuid
      columns:
        userId: uuid?
        eventType: text
        metadata: jsonb?
        createdAt: { type: timestamptz, default: now() }
      absorbs:
        - from: telemetry_events
          columns:
            userId: user_id
            eventType: type
            metadata: "meta || jsonb_build_object('app', app)"
            createdAt: ts
          where: type is not null
        - from: legacy.events_v0
          columns: { eventType: kind }
`;

describe('yaml absorbs transitions', () => {
  it('exposes absorbs as data transitions with schemas resolved', () => {
    const r = collectTransitions([{ path: 'events.yaml', text: yaml(events) }]);
    expect(r).toEqual({
      ok: true,
      value: [
        {
          table: { schema: 'public', name: 'events' },
          from: { schema: 'public', name: 'telemetry_events' },
          columns: { userId: 'user_id', eventType: 'type', metadata: "meta || jsonb_build_object('app', app)", createdAt: 'ts' },
          where: 'type is not null',
          location: { file: 'events.yaml', line: 10, column: 9 },
        },
        {
          table: { schema: 'public', name: 'events' },
          from: { schema: 'legacy', name: 'events_v0' },
          columns: { eventType: 'kind' },
          location: { file: 'events.yaml', line: 17, column: 9 },
        },
      ],
    });
  });

  it('does not emit SQL for absorbs (the plan owns the data step)', () => {
    expect(compileOk(events).map((s) => s.sql).join('\n')).not.toMatch(/telemetry_events|INSERT/);
  });

  it('validates target columns, expressions and self-absorption', () => {
    const r = collectTransitions([
      {
        path: 'e.yaml',
        text: yaml(`
          tables:
            events:
              id: uuid
              columns:
                eventType: text
              absorbs:
                - from: events
                  columns: { eventType: type }
                - from: telemetry_events
                  columns:
                    eventTyp: type
                    id: "gen_random_uuid("
        `),
      },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => [e.message.replace(/:.*/, ''), e.hint, where(e)])).toEqual([
      ['a table cannot absorb itself', undefined, 'e.yaml:7:15'],
      ['absorbs does not fill column "eventType", which is NOT NULL without a default', 'map it: eventType: <SQL expression over the old row>', 'e.yaml:10:9'],
      ['unknown column "eventTyp" in table public.events', 'did you mean "eventType"?', 'e.yaml:11:11'],
      ['not an SQL expression', undefined, 'e.yaml:12:15'],
    ]);
  });
});

describe('transitionInsertSql', () => {
  it('renders the data step with quoted targets and verbatim expressions', () => {
    const r = collectTransitions([{ path: 'events.yaml', text: yaml(events) }]);
    if (!r.ok) throw new Error('compile failed');
    expect(r.value.map(transitionInsertSql)).toEqual([
      [
        'INSERT INTO public.events ("userId", "eventType", metadata, "createdAt")',
        "SELECT user_id, type, meta || jsonb_build_object('app', app), ts",
        'FROM public.telemetry_events',
        'WHERE type is not null',
      ].join('\n'),
      'INSERT INTO public.events ("eventType")\nSELECT kind\nFROM legacy.events_v0',
    ]);
  });
});

describe('absorbs validation', () => {
  it('requires required columns to be filled, forbids generated targets and absorbing a table still defined', () => {
    const r = collectTransitions([
      {
        path: 'e.yaml',
        text: yaml(`
          tables:
            events:
              id: bigint
              columns:
                kind: text
                note: text?
                at: { type: timestamptz, default: now() }
                upper: { type: text, generated: upper(kind), nullable: true }
              absorbs:
                - from: old_events
                  columns: { note: note, upper: kind }
                - from: old_events
                  columns: { kind: kind, id: id }
            old_events:
              columns:
                kind: text
        `),
      },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => [e.message, where(e)])).toEqual([
      ['public.events absorbs public.old_events, which is still defined (at e.yaml:14:3)', 'e.yaml:10:9'],
      ['absorbs does not fill column "kind", which is NOT NULL without a default', 'e.yaml:11:9'],
      ['column "upper" is generated and cannot be written', 'e.yaml:11:32'],
      ['public.events absorbs public.old_events, which is still defined (at e.yaml:14:3)', 'e.yaml:12:9'],
      ['column "id" is an identity column and cannot be written', 'e.yaml:13:32'],
    ]);
  });
});
