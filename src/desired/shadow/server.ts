import { randomBytes } from 'node:crypto';
import { connectPg, type Queryable } from '../../db/queryable.ts';
import { err, ok } from '../../errors.ts';
import { connectionError, redactUrl, withDatabase } from '../../db/url.ts';
import { track, trackPending, type ShadowProvider } from './provider.ts';
import { ident } from '../../sql/quote.ts';

/** A temporary database on a server: random name, always dropped (also on error and Ctrl-C). */
export function serverProvider(devUrl: string): ShadowProvider {
  return {
    key: `server:${redactUrl(devUrl)}`,
    async open() {
      let admin: Queryable;
      try {
        admin = await connectPg(devUrl, 'dev server');
      } catch (e) {
        return err(connectionError(devUrl, e, 'dev database'));
      }
      const name = `schemaplan_shadow_${randomBytes(6).toString('hex')}`;
      // From here until the shadow is tracked, a Ctrl-C still drops the database (the DROP queues behind the
      // CREATE on this connection).
      const pending = trackPending(() => admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined, () => undefined));
      try {
        await admin.exec(`CREATE DATABASE ${name}`);
      } catch (e) {
        pending();
        await admin.close();
        return err({
          code: 'shadow',
          message: `cannot create a temporary database on ${redactUrl(devUrl)}: ${(e as Error).message}`,
          hint: 'the dev URL needs a role with CREATEDB, or omit --dev-url to use embedded PGlite',
        });
      }
      let db: Queryable;
      try {
        db = await connectPg(withDatabase(devUrl, name), 'shadow (temporary database)');
      } catch (e) {
        await admin.exec(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
        pending();
        await admin.close();
        return err(connectionError(devUrl, e, 'dev database'));
      }
      const version = (await db.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
      let disposed = false;
      const roles: string[] = [];
      pending();
      return ok(
        track({
          db,
          ownRoles: (names) => roles.push(...names),
          description: `temporary database on ${redactUrl(devUrl)} (PostgreSQL ${version.split(' ')[0]})`,
          async dispose() {
            if (disposed) return;
            disposed = true;
            // Both sent before this returns to a caller that may go on with seconds of synchronous work (the
            // diff): the server drops meanwhile (5.5 s at 10,000 tables). FORCE ends the shadow's connection
            // if its goodbye has not arrived yet.
            const closing = db.close().catch(() => {});
            const dropping = admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
            await Promise.all([closing, dropping]);
            // Once the database is gone nothing of it holds the roles; one still used elsewhere (another
            // shadow granted to it meanwhile) refuses to go and is left.
            for (const role of roles) await admin.exec(`DROP ROLE IF EXISTS ${ident(role)}`).catch(() => {});
            await admin.close().catch(() => {});
          },
        }),
      );
    },
  };
}
