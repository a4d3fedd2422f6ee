import { sql, type Db } from './db.ts';

export interface AuditEntry {
  userId: string | null;
  action: string;
  resource: string;
  resourceId?: string | null;
  metadata?: Record<string, unknown>;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** Append one entry to the audit log; returns its id and time. */
export async function recordAuditLog(db: Db, entry: AuditEntry) {
  const result = await db.query<{ id: string; timestamp: Date }>(sql`
    INSERT INTO audit_logs ("userId", action, resource, "resourceId", metadata, "ipAddress", "userAgent")
    VALUES (
      ${entry.userId}::uuid, ${entry.action}, ${entry.resource}, ${entry.resourceId ?? null},
      ${JSON.stringify(entry.metadata ?? {})}::jsonb, ${entry.ipAddress ?? null}::inet, ${entry.userAgent ?? null}
    )
    RETURNING id, "timestamp"
  `);
  return result.rows[0];
}

/** The most recent entries about one resource, for an activity feed. */
export async function listResourceAuditLog(db: Db, resource: string, resourceId: string, limit: number) {
  const result = await db.query<{ id: string; action: string; metadata: unknown | null; timestamp: Date; userEmail: string | null }>(sql`
    SELECT a.id, a.action, a.metadata, a."timestamp", u.email AS "userEmail"
    FROM audit_logs a
    LEFT JOIN users u ON u.id = a."userId"
    WHERE a.resource = ${resource} AND a."resourceId" = ${resourceId}
    ORDER BY a."timestamp" DESC
    LIMIT ${limit}
  `);
  return result.rows;
}
