// The Graph client's middleware chain, outermost first:
//   RetryMiddleware → OfflineGate → AuthMiddleware → ConcurrencyLimiter → HTTPMessageHandler (fetch)
// Retry is outermost so every attempt gets a current token and gives its concurrency slot back
// while it waits; the limiter sits right before the wire so it counts what is really in flight.
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { isRetriableStatus, retryDelay } from './retryPolicy';
import type { RetryOptions } from './retryPolicy';
import { scopesForRequest } from './requiredScopes';
import { offlineRefusal } from './graphErrors';

/** Gives a bearer token for the scopes a request needs; forceRefresh after Graph answered 401. */
export type TokenSource = (request?: { forceRefresh?: boolean; scopes?: readonly string[] }) => Promise<string>;

/**
 * Per-call settings handed to the middleware through the SDK's MiddlewareControl. It also carries
 * back the original failure, because the SDK wraps anything thrown in the chain in a GraphError.
 */
export class CallPolicy implements MiddlewareOptions {
  failure: unknown = undefined;

  constructor(
    /** May a 503/504 be retried? Only when a repeat cannot do the work twice. */
    readonly idempotent: boolean,
    /** The mailbox (or 'tenant') whose concurrency slots this request uses. */
    readonly mailbox: string,
  ) {}
}

function policyOf(context: Context): CallPolicy {
  const policy = context.middlewareControl?.getMiddlewareOptions(CallPolicy);
  return policy instanceof CallPolicy ? policy : new CallPolicy(false, 'tenant');
}

function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

function setHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else context.options.headers = { ...(headers as Record<string, string> | undefined), [name]: value };
}

function removeHeader(context: Context, name: string): void {
  const headers = context.options?.headers;
  if (!headers) return;
  if (headers instanceof Headers) headers.delete(name);
  else for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete (headers as Record<string, string>)[key];
}

/** Lets go of a response we will not read, so its connection is released. */
function discard(response: Response | undefined): void {
  // Not awaited: cancelling a stream can wait on its source, and nothing here depends on it.
  response?.body?.cancel().catch(() => undefined);
}

abstract class ChainLink implements Middleware {
  protected next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected forward(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} is the last middleware; HTTPMessageHandler must follow it`);
    return this.next.execute(context);
  }

  abstract execute(context: Context): Promise<void>;
}

/**
 * Retries 429 always and 503/504 for idempotent calls, honouring Retry-After (seconds or HTTP date)
 * and otherwise backing off exponentially with full jitter. Network failures are not retried here:
 * for a POST they are ambiguous, and the adapters decide (sendInvitation looks the event up).
 */
export class RetryMiddleware extends ChainLink {
  constructor(private readonly options: RetryOptions) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const policy = policyOf(context);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.forward(context);
      } catch (error) {
        policy.failure ??= error;
        throw error;
      }
      const response = context.response;
      if (!response) return;
      if (attempt >= this.options.maxAttempts || !isRetriableStatus(response.status, policy.idempotent)) return;
      const delay = retryDelay(response.headers.get('Retry-After'), attempt, this.options);
      if (delay === undefined) return;
      discard(response);
      context.response = undefined;
      await this.options.sleep(delay);
    }
  }
}

/**
 * Fails fast with network-offline while the device says it is offline, before a token is fetched. Needed
 * because in demo mode the service worker would answer Graph even with the network cut off; in a tenant it
 * spares a fetch that cannot succeed. Checked on every attempt, so a retry waiting out a 429 stops too.
 */
export class OfflineGate extends ChainLink {
  constructor(private readonly isOnline: () => boolean) {
    super();
  }

  async execute(context: Context): Promise<void> {
    if (!this.isOnline()) {
      const error = offlineRefusal();
      policyOf(context).failure ??= error;
      throw error;
    }
    return this.forward(context);
  }
}

const GRAPH_HOSTS = new Set(['graph.microsoft.com']);

/** Bearer token on Graph hosts only; on a 401 it asks for a fresh token once and resends (401 = not processed). */
export class AuthMiddleware extends ChainLink {
  constructor(private readonly getToken: TokenSource) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const policy = policyOf(context);
    let host = '';
    try {
      host = new URL(requestUrl(context)).hostname.toLowerCase();
    } catch {
      host = '';
    }
    if (!GRAPH_HOSTS.has(host)) {
      removeHeader(context, 'Authorization');
      return this.forward(context);
    }
    const scopes = scopesForRequest(requestUrl(context), context.options?.body);
    const attach = async (forceRefresh: boolean) => {
      try {
        const token = await this.getToken(forceRefresh ? { forceRefresh: true, scopes } : { scopes });
        setHeader(context, 'Authorization', `Bearer ${token}`);
      } catch (error) {
        policy.failure ??= error;
        throw error;
      }
    };
    await attach(false);
    await this.forward(context);
    if (context.response?.status !== 401) return;
    discard(context.response);
    context.response = undefined;
    await attach(true);
    await this.forward(context);
  }
}

interface Lane {
  active: number;
  waiting: (() => void)[];
}

/** At most `limit` requests in flight per mailbox (Outlook allows 4 concurrent per app per mailbox). */
export class ConcurrencyLimiter extends ChainLink {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly limit: number) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const policy = policyOf(context);
    const { mailbox } = policy;
    const lane = this.lanes.get(mailbox) ?? { active: 0, waiting: [] };
    this.lanes.set(mailbox, lane);
    if (lane.active < this.limit) lane.active += 1;
    // A finishing request hands its slot straight to the next in line, so no newcomer can slip in between.
    else await new Promise<void>((resolve) => lane.waiting.push(resolve));
    try {
      await this.forward(context);
    } catch (error) {
      policy.failure ??= error;
      throw error;
    } finally {
      const next = lane.waiting.shift();
      if (next) next();
      else {
        lane.active -= 1;
        if (lane.active === 0) this.lanes.delete(mailbox);
      }
    }
  }
}
