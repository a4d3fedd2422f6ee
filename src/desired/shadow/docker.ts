import { connectPg } from '../../db/queryable.ts';
import { err, ok } from '../../errors.ts';
import { track, type ShadowProvider } from './provider.ts';

/** `docker://postgres:16` → a throwaway container through testcontainers. */
export function dockerProvider(url: string): ShadowProvider {
  const image = url.replace(/^docker:\/\//, '') || 'postgres:16';
  return {
    key: `docker:${image}`,
    async open() {
      const reason = await dockerUnavailable();
      if (reason) return err({ code: 'docker', message: `no Docker engine is reachable for ${url}: ${reason}`, hint: 'start Docker, or use --dev-url postgres://… or the embedded default' });
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      let container;
      try {
        container = await new PostgreSqlContainer(image).start();
      } catch (e) {
        return err({ code: 'docker', message: `cannot start ${image}: ${(e as Error).message.split('\n')[0]}` });
      }
      const db = await connectPg(container.getConnectionUri(), `shadow (${image})`);
      let disposed = false;
      return ok(
        track({
          db,
          description: `Docker container ${image}`,
          async dispose() {
            if (disposed) return;
            disposed = true;
            await db.close().catch(() => {});
            await container.stop().catch(() => {});
          },
        }),
      );
    },
  };
}

/** null when a Docker engine answers; otherwise why not (one line). */
export async function dockerUnavailable(): Promise<string | null> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return null;
  } catch (e) {
    return ((e as Error).message || 'unknown error').split('\n')[0]!;
  }
}
