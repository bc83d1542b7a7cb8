// Counts handlers still running so shutdown can wait for them instead of cutting replies off.
import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";

export interface InFlightTracker {
  readonly count: number;
  /** Global Bolt middleware: counts from the first middleware until every listener settled. */
  readonly middleware: Middleware<AnyMiddlewareArgs>;
  /** Resolves true once nothing is in flight, false if timeoutMs passed first. */
  drained(timeoutMs: number): Promise<boolean>;
}

export function createInFlightTracker(): InFlightTracker {
  let count = 0;
  const idleWaiters = new Set<() => void>();

  return {
    get count() {
      return count;
    },
    middleware: async ({ next }) => {
      count += 1;
      try {
        await next();
      } finally {
        count -= 1;
        if (count === 0) for (const wake of [...idleWaiters]) wake();
      }
    },
    drained: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (count === 0) return resolve(true);
        const timer = setTimeout(() => {
          idleWaiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        const wake = (): void => {
          clearTimeout(timer);
          idleWaiters.delete(wake);
          resolve(true);
        };
        idleWaiters.add(wake);
      }),
  };
}
