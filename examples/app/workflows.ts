import { rowsOf, sql, type Db } from './db.ts';

/** An organization's workflows, each with its most recent run (if any), newest workflow first. */
export async function listOrganizationWorkflows(db: Db, organizationId: string) {
  const rows = rowsOf(db);
  return rows`
    SELECT w.id, w.name, w.description, w."isActive", w."createdAt",
           r.id AS "latestRunId", r.status AS "latestRunStatus", r."createdAt" AS "latestRunAt"
    FROM workflows w
    LEFT JOIN LATERAL (
      SELECT wr.id, wr.status, wr."createdAt"
      FROM workflow_runs wr
      WHERE wr."workflowId" = w.id
      ORDER BY wr."createdAt" DESC
      LIMIT 1
    ) r ON true
    WHERE w."organizationId" = ${organizationId}::uuid
    ORDER BY w."createdAt" DESC
  `;
}

export async function createWorkflowRun(db: Db, workflowId: string, userId: string) {
  const result = await db.query(sql`
    INSERT INTO workflow_runs ("workflowId", "userId", status)
    VALUES (${workflowId}::uuid, ${userId}::uuid, 'pending')
    RETURNING id, status, "createdAt"
  `);
  return result.rows[0];
}
