import type { Queryable } from '../../db/queryable.ts';
import type { Result, UserError } from '../../errors.ts';

/**
 * A throwaway database in which desired state (or a migrations folder, or a dump) is executed so that
 * Postgres itself normalizes it. Providers: embedded PGlite, a temporary database on a server, Docker.
 */
export interface Shadow {
  readonly db: Queryable;
  /** What the user is told: "embedded PGlite 18.6", "temporary database on 127.0.0.1:5432". */
  readonly description: string;
  /** Drops or closes everything the shadow created; safe to call twice. */
  dispose(): Promise<void>;
  /**
   * Roles created for the shadow (the desired state grants to them): on a server, roles are shared by every
   * database, so they are dropped with the shadow. Absent where the shadow's roles go with it (PGlite, Docker).
   */
  readonly ownRoles?: (names: readonly string[]) => void;
}

export interface ShadowProvider {
  /** Stable identity for cache keys: the same provider normalizes the same input the same way. */
  readonly key: string;
  open(): Promise<Result<Shadow, UserError>>;
}

/**
 * Cleanups of shadows still open (or still being made); run on SIGINT/SIGTERM so a Ctrl-C never leaves a temporary
 * database behind.
 */
const live = new Set<{ dispose(): Promise<void> }>();
let hooked = false;
let interruptedBy: NodeJS.Signals | null = null;

/**
 * The signal that is ending the run, if one is. What fails after it (the statement running in the shadow when
 * its connection is closed) is its consequence, not an error to report.
 */
export function interruption(): NodeJS.Signals | null {
  return interruptedBy;
}

export function track(shadow: Shadow): Shadow {
  live.add(shadow);
  hookSignals();
  return {
    ...shadow,
    async dispose() {
      // Tracked until the drop is done: a Ctrl-C while a shadow is being dropped in the background (see
      // DesiredCatalog.released) still waits for it.
      try {
        await shadow.dispose();
      } finally {
        live.delete(shadow);
      }
    },
  };
}

/**
 * Cleanup for a shadow still being made (its database created, not yet connected to): a Ctrl-C meanwhile removes
 * it too. Returns the function that ends this once the shadow is tracked, or cleaned up, by its maker.
 */
export function trackPending(dispose: () => Promise<void>): () => void {
  const pending = { dispose };
  live.add(pending);
  hookSignals();
  return () => live.delete(pending);
}

function hookSignals(): void {
  if (!hooked) {
    hooked = true;
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        interruptedBy = sig;
        process.stderr.write(live.size ? 'interrupted: removing the shadow database\n' : 'interrupted\n');
        // 128 + the signal's number, as a shell reports a process the signal ended.
        void Promise.allSettled([...live].map((s) => s.dispose())).then(() => process.exit(sig === 'SIGINT' ? 130 : 143));
      });
    }
  }
}
