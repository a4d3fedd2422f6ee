import { rowsOf, sql, type Db } from './db.ts';

/** An organization's workflows, each with its most recent run (if any), newest workflow first. */
export async function listOrganizationWorkflows(db: Db, organizationId: string) {
  const rows = rowsOf(db);
  return rows<{ id: string; name: string; description: string | null; isActive: boolean; createdAt: Date; latestRunId: string | null; latestRunStatus: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled' | null; latestRunAt: Date | null }>`
    SELECT w.id, w.name, w.description, w."isActive", w."createdAt",
           r.id AS "latestRunId", r.status AS "latestRunStatus", r."createdAt" AS "latestRunAt"
    FROM workflows w
    LEFT JOIN workflow_runs r
      ON r."workflowId" = w.id
     AND NOT EXISTS (
       SELECT 1 FROM workflow_runs newer
       WHERE newer."workflowId" = w.id AND newer."createdAt" > r."createdAt"
     )
    WHERE w."organizationId" = ${organizationId}::uuid
    ORDER BY w."createdAt" DESC
  `;
}

export async function createWorkflowRun(db: Db, workflowId: string, userId: string) {
  const result = await db.query<{ id: string; status: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled'; createdAt: Date }>(sql`
    INSERT INTO workflow_runs ("workflowId", "userId", status)
    VALUES (${workflowId}::uuid, ${userId}::uuid, 'pending')
    RETURNING id, status, "createdAt"
  `);
  return result.rows[0];
}
