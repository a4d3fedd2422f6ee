-- A few production-like rows in every table of the legacy database. Load after supabase-stub.sql and the
-- migrations. Ids are fixed so that cross-table references (and tests) are stable; bigserial keys are left to
-- their sequences. The rows satisfy every constraint the consolidated schema adds (no orphans, at most one
-- pending run per user and workflow, workflow_runs.workflow_id always a valid workflows.id).

insert into auth.users (id, email, created_at) values
  ('8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'ada@example.com',   '2024-01-03 09:12:00+00'),
  ('5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'grace@example.com', '2024-02-11 14:40:00+00'),
  ('c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a03', 'linus@example.com', '2024-03-20 18:05:00+00');

insert into users (id, email, name, "avatarUrl", role, "createdAt", "updatedAt") values
  ('8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'ada@example.com', 'Ada Lovelace',
   'https://avatars.example.com/ada.png', 'admin', '2024-01-03 09:12:00+00', '2024-06-01 10:00:00+00'),
  ('5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'grace@example.com', 'Grace Hopper',
   null, 'user', '2024-02-11 14:40:00+00', '2024-02-11 14:40:00+00'),
  ('c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a03', 'linus@example.com', 'Linus T.',
   null, 'user', '2024-03-20 18:05:00+00', '2024-09-14 07:30:00+00');

insert into workflows (id, "userId", name, description, definition, "isActive", "createdAt", "updatedAt") values
  ('0f1e2d3c-4b5a-4968-8776-a5b4c3d2e101', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'Nightly lint',
   'Lint every repository at 02:00', '{"steps": [{"run": "lint"}]}', true,
   '2024-01-05 08:00:00+00', '2024-05-02 08:00:00+00'),
  ('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'Release notes',
   null, '{"steps": [{"run": "changelog"}, {"run": "publish"}]}', true,
   '2024-02-01 12:00:00+00', '2024-02-01 12:00:00+00'),
  ('2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d03', '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'Triage issues',
   'Label new issues', '{"steps": [{"run": "triage"}]}', false,
   '2024-03-01 16:30:00+00', '2024-03-02 09:00:00+00');

insert into workflow_runs (id, workflow_id, user_id, status, input, output, error, started_at, completed_at, created_at)
values
  ('a0000000-0000-4000-8000-000000000001', '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e101',
   '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'completed', '{"repo": "core"}', '{"warnings": 3}', null,
   '2024-06-01 02:00:00+00', '2024-06-01 02:04:10+00', '2024-06-01 02:00:00+00'),
  ('a0000000-0000-4000-8000-000000000002', '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e101',
   '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'failed', '{"repo": "web"}', null, 'timeout after 600s',
   '2024-06-02 02:00:00+00', '2024-06-02 02:10:00+00', '2024-06-02 02:00:00+00'),
  ('a0000000-0000-4000-8000-000000000003', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02',
   '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'pending', '{"tag": "v2.1.0"}', null, null,
   null, null, '2024-06-03 11:00:00+00'),
  ('a0000000-0000-4000-8000-000000000004', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d03',
   '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'running', null, null, null,
   '2024-06-03 12:00:00+00', null, '2024-06-03 12:00:00+00');

insert into subscriptions (id, "userId", plan, status, "stripeCustomerId", "stripeSubscriptionId", "currentPeriodEnd",
                           "createdAt", "updatedAt") values
  ('b0000000-0000-4000-8000-000000000001', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'enterprise', 'active',
   'cus_Q1ada', 'sub_Q1ada', '2025-01-03 00:00:00+00', '2024-01-03 09:15:00+00', '2024-12-03 00:00:00+00'),
  ('b0000000-0000-4000-8000-000000000002', '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'pro', 'trialing',
   'cus_Q2grace', 'sub_Q2grace', '2024-03-11 00:00:00+00', '2024-02-11 14:41:00+00', '2024-02-11 14:41:00+00'),
  ('b0000000-0000-4000-8000-000000000003', 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a03', 'free', 'active',
   null, null, null, '2024-03-20 18:06:00+00', '2024-03-20 18:06:00+00');

insert into events (id, "userId", "filePath", "eventType", tool, "timestamp", metadata) values
  ('c0000000-0000-4000-8000-000000000001', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'src/index.ts', 'file_open',
   'vscode', '2024-06-01 09:00:00+00', '{"lines": 120}'),
  ('c0000000-0000-4000-8000-000000000002', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'src/index.ts', 'completion_accept',
   'vscode', '2024-06-01 09:02:13+00', '{"chars": 48}'),
  ('c0000000-0000-4000-8000-000000000003', '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'README.md', 'file_save',
   'cursor', '2024-06-02 15:20:00+00', '{}'),
  ('c0000000-0000-4000-8000-000000000004', 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a03', null, 'session_start',
   'jetbrains', '2024-06-03 08:00:00+00', null);

insert into audit_logs (id, "userId", action, resource, "resourceId", metadata, "ipAddress", "userAgent", "timestamp")
values
  ('d0000000-0000-4000-8000-000000000001', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'workflow.create', 'workflow',
   '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e101', '{"name": "Nightly lint"}', '203.0.113.7', 'Mozilla/5.0',
   '2024-01-05 08:00:01+00'),
  ('d0000000-0000-4000-8000-000000000002', '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'subscription.upgrade',
   'subscription', 'b0000000-0000-4000-8000-000000000002', '{"from": "free", "to": "pro"}', '198.51.100.23',
   'Mozilla/5.0 (Macintosh)', '2024-02-11 14:41:05+00'),
  ('d0000000-0000-4000-8000-000000000003', null, 'user.delete', 'user', 'e3b0c442-98fc-4c14-9afb-f4c8996fb924',
   '{"reason": "gdpr"}', '2001:db8::1', null, '2024-04-01 00:00:00+00');

insert into organizations (id, name, slug, "ownerId", "createdAt", "updatedAt") values
  ('e0000000-0000-4000-8000-000000000001', 'Analytical Engines', 'analytical-engines',
   '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', '2024-03-05 10:00:00', '2024-03-05 10:00:00'),
  ('e0000000-0000-4000-8000-000000000002', 'Compilers Inc', 'compilers-inc',
   '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', '2024-03-06 11:00:00', '2024-04-01 09:30:00');

insert into organization_members (id, organization_id, user_id, role, "createdAt", "updatedAt") values
  ('e1000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001',
   '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'owner', '2024-03-05 10:00:00', '2024-03-05 10:00:00'),
  ('e1000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000001',
   'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a03', 'member', '2024-03-21 09:00:00', '2024-03-21 09:00:00'),
  ('e1000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000002',
   '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'owner', '2024-03-06 11:00:00', '2024-03-06 11:00:00');

insert into workflow_versions (id, "workflowId", version, definition, changelog, "createdBy", "createdAt", "updatedAt")
values
  ('f0000000-0000-4000-8000-000000000001', '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e101', 1,
   '{"steps": [{"run": "lint"}]}', 'Initial version', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01',
   '2024-03-10 08:00:00', '2024-03-10 08:00:00'),
  ('f0000000-0000-4000-8000-000000000002', '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e101', 2,
   '{"steps": [{"run": "lint", "fix": true}]}', 'Auto-fix', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01',
   '2024-05-02 08:00:00', '2024-05-02 08:00:00'),
  ('f0000000-0000-4000-8000-000000000003', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d03', 1,
   '{"steps": [{"run": "triage"}]}', null, '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02',
   '2024-03-10 09:00:00', '2024-03-10 09:00:00');

insert into workflow_executions (id, "workflowId", "versionId", "userId", status, result, error, "startedAt",
                                 "finishedAt", "createdAt", "updatedAt") values
  ('f1000000-0000-4000-8000-000000000001', '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e101',
   'f0000000-0000-4000-8000-000000000002', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'succeeded',
   '{"warnings": 0}', null, '2024-05-03 02:00:00', '2024-05-03 02:03:00', '2024-05-03 02:00:00',
   '2024-05-03 02:03:00'),
  ('f1000000-0000-4000-8000-000000000002', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d03', null,
   '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'queued', null, null, null, null, '2024-06-03 12:00:00',
   '2024-06-03 12:00:00');

insert into user_integrations (id, "userId", provider, "accessToken", "refreshToken", "expiresAt", scopes, "isActive",
                               metadata, "createdAt", "updatedAt") values
  ('f2000000-0000-4000-8000-000000000001', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'github', 'gho_redacted1',
   null, null, '{repo,read:org}', true, '{"login": "ada"}', '2024-01-06 10:00:00', '2024-01-06 10:00:00'),
  ('f2000000-0000-4000-8000-000000000002', '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'slack', 'xoxb-redacted2',
   'xoxr-redacted2', '2024-07-01 00:00:00', '{chat:write}', false, null, '2024-02-12 10:00:00',
   '2024-05-30 17:45:00'),
  -- Installed from the marketplace before the user signed up: no userId yet.
  ('f2000000-0000-4000-8000-000000000003', null, 'github', 'ghs_redacted3', null, '2024-06-04 00:00:00',
   '{}', true, '{"installation_id": 4242}', '2024-06-03 23:00:00', '2024-06-03 23:00:00');

insert into spend (id, user_id, day, model, tokens_in, tokens_out, cost_usd, created_at) values
  ('f3000000-0000-4000-8000-000000000001', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', '2024-06-01', 'gpt-4o',
   120000, 8000, 0.720000, '2024-06-02 00:05:00+00'),
  ('f3000000-0000-4000-8000-000000000002', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', '2024-06-02', 'claude-3-5-sonnet',
   90000, 12000, 0.450000, '2024-06-03 00:05:00+00'),
  ('f3000000-0000-4000-8000-000000000003', '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', '2024-06-02', 'gpt-4o-mini',
   40000, 3000, 0.008100, '2024-06-03 00:05:00+00');

insert into metrics_daily (day, user_id, events_count, spend_usd, updated_at) values
  ('2024-06-01', '8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 2, 0.720000, '2024-06-02 00:10:00+00'),
  ('2024-06-02', '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 1, 0.008100, '2024-06-03 00:10:00+00');

insert into telemetry_events (user_id, app, type, path, meta, ts) values
  ('8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'vscode', 'file_open', 'src/app.ts', '{"lang": "ts"}',
   '2025-11-06 09:00:00+00'),
  ('8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'vscode', 'completion_shown', 'src/app.ts', '{"latency_ms": 182}',
   '2025-11-06 09:00:04+00'),
  ('5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'cursor', 'file_save', 'docs/intro.md', '{}', '2025-11-06 10:15:00+00'),
  ('c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a03', 'jetbrains', 'session_start', null, '{"ide": "idea"}',
   '2025-11-07 07:59:00+00');

insert into metrics_log (name, value, tags, ts) values
  ('ingest.batch_size', 250, '{"source": "agent"}', '2025-11-06 09:00:00+00'),
  ('ingest.latency_ms', 87.5, '{"source": "agent"}', '2025-11-06 09:00:01+00'),
  ('workflow.queue_depth', 3, '{}', '2025-11-06 09:01:00+00');

insert into audit_log (user_id, action, meta, ts) values
  ('8d2c4b1e-1f0a-4c59-9a51-2a7e6f3b9c01', 'trust.api_key_created', '{"key_prefix": "sk_live_4f"}',
   '2025-11-06 11:00:00+00'),
  ('5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', 'trust.login_blocked', '{"reason": "impossible_travel"}',
   '2025-11-06 12:30:00+00'),
  (null, 'trust.rate_limit', '{"ip": "192.0.2.10"}', '2025-11-07 03:00:00+00');
