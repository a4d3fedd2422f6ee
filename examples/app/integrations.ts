import { sql, type Db } from './db.ts';

export interface IntegrationTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

/** Connect (or reconnect) a provider for a user: one row per (user, provider), reactivated on reconnect. */
export async function upsertUserIntegration(db: Db, userId: string, provider: string, tokens: IntegrationTokens) {
  const result = await db.query<{ id: string; provider: string; isActive: boolean; updatedAt: Date }>(sql`
    INSERT INTO user_integrations ("userId", provider, "accessToken", "refreshToken", "expiresAt", "isActive")
    VALUES (${userId}::uuid, ${provider}, ${tokens.accessToken}, ${tokens.refreshToken}, ${tokens.expiresAt}, true)
    ON CONFLICT ("userId", provider) DO UPDATE
      SET "accessToken" = EXCLUDED."accessToken",
          "refreshToken" = EXCLUDED."refreshToken",
          "expiresAt" = EXCLUDED."expiresAt",
          "isActive" = true,
          "updatedAt" = now()
    RETURNING id, provider, "isActive", "updatedAt"
  `);
  return result.rows[0];
}

export async function activeIntegrations(db: Db, provider: string) {
  const result = await db.query<{ id: string; userId: string; expiresAt: Date | null }>(sql`
    SELECT i.id, i."userId", i."expiresAt"
    FROM user_integrations i
    WHERE i.provider = ${provider} AND i."isActive"
  `);
  return result.rows;
}
