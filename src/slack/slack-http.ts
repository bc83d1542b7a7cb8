// How every HTTP call to Slack is bounded: a timeout per attempt (SLACK_API_TIMEOUT_MS) and retries that fit in
// a fixed total time, for the Web API (through the WebClient's own retry) and for response_url posts (here).
import type { Logger } from "@slack/bolt";

type Fetch = typeof globalThis.fetch;

/** p-retry options for the WebClient: at most 4 attempts, and no new attempt once twice the timeout has passed. */
export interface RetryPolicy {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
  randomize: boolean;
  maxRetryTime: number;
}

const MAX_RETRIES = 3;
const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 4_000;

/**
 * Worst case for one call: an attempt may start until 2 × timeout has passed, after a pause of at most
 * LONGEST_PAUSE_MS (or Slack's Retry-After), and runs for at most one timeout.
 */
export function retryPolicy(timeoutMs: number): RetryPolicy {
  return {
    retries: MAX_RETRIES,
    factor: 2,
    minTimeout: FIRST_PAUSE_MS,
    maxTimeout: LONGEST_PAUSE_MS,
    randomize: false,
    maxRetryTime: 2 * timeoutMs,
  };
}

export interface PatientFetchOptions {
  timeoutMs: number;
  /** The Web API base URL: calls under it are the WebClient's, which times and retries them itself. */
  apiUrl: string;
  logger: Logger;
  /** The fetch underneath (counting, proxy: http-client.ts); each attempt goes through it. */
  baseFetch: Fetch;
}

/**
 * Wraps the fetch that Bolt hands both to its WebClient and to respond(). Web API calls pass straight through;
 * response_url posts get the timeout, and a 429, a 5xx or a failed connection is retried like the Web API's.
 */
export function withBoundedResponseUrlPosts(options: PatientFetchOptions): Fetch {
  const { timeoutMs, apiUrl, logger, baseFetch } = options;
  const policy = retryPolicy(timeoutMs);

  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(apiUrl)) return baseFetch(input, init);

    const startedAt = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
      let pauseMs = Math.min(policy.minTimeout * policy.factor ** attempt, policy.maxTimeout);
      let outcome: string;
      try {
        const response = await baseFetch(input, { ...init, signal });
        if (response.status !== 429 && response.status < 500) return response;
        if (attempt >= policy.retries || Date.now() - startedAt >= policy.maxRetryTime) return response;
        const retryAfter = retryAfterMs(response);
        if (retryAfter !== undefined) pauseMs = retryAfter;
        // A wait longer than the time left would break the bound: the caller gets the 429 instead.
        if (Date.now() - startedAt + pauseMs > policy.maxRetryTime + policy.maxTimeout) return response;
        outcome = response.status === 429 ? "was rate-limited" : `got HTTP ${response.status}`;
        // The body is not needed; reading it frees the connection for the next attempt.
        await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        if (init?.signal?.aborted) throw error;
        if (attempt >= policy.retries || Date.now() - startedAt >= policy.maxRetryTime) throw error;
        outcome = `failed (${describeFailure(error, timeoutMs)})`;
      }
      // Never the URL itself: a response_url is a credential for that conversation.
      logger.warn(`A response_url post ${outcome}; retrying after ${Math.round(pauseMs / 100) / 10} s`);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
}

function retryAfterMs(response: Response): number | undefined {
  const raw = response.headers.get("retry-after");
  if (raw === null || !/^\d{1,6}$/.test(raw.trim())) return undefined;
  return Number(raw.trim()) * 1000;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown }).name;
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? cause.code : error instanceof Error ? error.message : String(error);
}
