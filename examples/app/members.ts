import { sql, type Db } from './db.ts';

export type MemberRole = 'owner' | 'admin' | 'member';

/** The user's role in the organization, or null when they are not a member. */
export async function memberRole(db: Db, organizationId: string, userId: string): Promise<MemberRole | null> {
  const result = await db.query<{ role: string }>(sql`
    SELECT m.role
    FROM organization_members m
    WHERE m."organizationId" = ${organizationId}::uuid AND m."userId" = ${userId}::uuid
  `);
  const role = result.rows[0]?.role;
  return role === 'owner' || role === 'admin' || role === 'member' ? role : null;
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
