// Counts handlers still running so shutdown can wait for them instead of cutting replies off, and bounds how
// many run at once. Each is already bounded in time (Web API timeouts, bounded retries and pauses), but a
// stream of events while Slack hangs would otherwise pile up handlers, each holding its reply, without end.
import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";

export interface InFlightTracker {
  readonly count: number;
  /** Global Bolt middleware: counts from the first middleware until every listener settled. */
  readonly middleware: Middleware<AnyMiddlewareArgs>;
  /** Resolves true once nothing is in flight, false if timeoutMs passed first. */
  drained(timeoutMs: number): Promise<boolean>;
}

export interface InFlightOptions {
  /** At most this many handlers at once; past it, a request is answered "busy" (or, for an event, dropped). */
  maxInFlight?: number;
  /** Told of each request turned away, with what it was ("event message", "command /zpa-code"). */
  onShed?: (what: string) => void;
}

/** Far above a workspace's steady load (Slack sends at most 30,000 events an hour), far below what strains memory. */
export const DEFAULT_MAX_IN_FLIGHT = 500;

export const BUSY_TEXT = "I'm answering a lot of requests right now. Please try again in a minute.";

interface ShedBody {
  command?: unknown;
  type?: unknown;
  event?: { type?: unknown };
}

/** Turns a request away: events were acknowledged already; anything else gets its acknowledgement, a command with a reason. */
async function shed(args: AnyMiddlewareArgs, onShed: (what: string) => void): Promise<void> {
  const body = args.body as ShedBody;
  const what =
    typeof body.command === "string" ? `command ${body.command}` : typeof body.event?.type === "string" ? `event ${body.event.type}` : String(body.type);
  onShed(what);
  if (!("ack" in args) || typeof args.ack !== "function") return;
  const ack = args.ack as (answer?: object) => Promise<void>;
  await (typeof body.command === "string" ? ack({ response_type: "ephemeral", text: BUSY_TEXT }) : ack());
}

export function createInFlightTracker(options: InFlightOptions = {}): InFlightTracker {
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const onShed = options.onShed ?? (() => {});
  let count = 0;
  const idleWaiters = new Set<() => void>();

  return {
    get count() {
      return count;
    },
    middleware: async (args) => {
      if (count >= maxInFlight) return shed(args, onShed);
      count += 1;
      try {
        await args.next();
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
