import { sql, type Db } from './db.ts';

/** The user's role in the organization, or null when they are not a member. */
export async function memberRole(db: Db, organizationId: string, userId: string) {
  const result = await db.query<{ role: 'owner' | 'admin' | 'member' }>(sql`
    SELECT m.role
    FROM organization_members m
    WHERE m."organizationId" = ${organizationId}::uuid AND m."userId" = ${userId}::uuid
  `);
  return result.rows[0]?.role ?? null;
}

export async function isOrganizationMember(db: Db, organizationId: string, userId: string): Promise<boolean> {
  const result = await db.query<{ isMember: boolean }>(sql`
    SELECT EXISTS (
      SELECT 1 FROM organization_members m
      WHERE m."organizationId" = ${organizationId}::uuid AND m."userId" = ${userId}::uuid
    ) AS "isMember"
  `);
  return result.rows[0]?.isMember === true;
}
