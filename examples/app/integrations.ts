import { sql, type Db } from './db.ts';

export interface IntegrationTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

/**
 * Connect (or reconnect) a provider for a user. The desired state has no unique constraint on
 * ("userId", provider) (integrations installed before sign-up have no user), so this is an update-or-insert
 * in one statement rather than ON CONFLICT.
 */
export async function upsertUserIntegration(db: Db, userId: string, provider: string, tokens: IntegrationTokens) {
  const result = await db.query<{ id: string | null; isActive: boolean | null; updatedAt: Date | null }>(sql`
    WITH updated AS (
      UPDATE user_integrations
      SET "accessToken" = ${tokens.accessToken}, "refreshToken" = ${tokens.refreshToken},
          "expiresAt" = ${tokens.expiresAt}, "isActive" = true, "updatedAt" = now()
      WHERE "userId" = ${userId}::uuid AND provider = ${provider}
      RETURNING id, "isActive", "updatedAt"
    ), inserted AS (
      INSERT INTO user_integrations ("userId", provider, "accessToken", "refreshToken", "expiresAt")
      SELECT ${userId}::uuid, ${provider}, ${tokens.accessToken}, ${tokens.refreshToken}, ${tokens.expiresAt}
      WHERE NOT EXISTS (SELECT 1 FROM updated)
      RETURNING id, "isActive", "updatedAt"
    )
    SELECT id, "isActive", "updatedAt" FROM updated
    UNION ALL
    SELECT id, "isActive", "updatedAt" FROM inserted
  `);
  return result.rows[0];
}

export async function activeIntegrations(db: Db, provider: string) {
  const result = await db.query<{ id: string; userId: string | null; scopes: string[] | null; expiresAt: Date | null }>(sql`
    SELECT i.id, i."userId", i.scopes, i."expiresAt"
    FROM user_integrations i
    WHERE i.provider = ${provider} AND i."isActive"
  `);
  return result.rows;
}
