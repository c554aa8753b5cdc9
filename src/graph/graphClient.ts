// The one Graph client and its request path. Every adapter goes through `GraphRequester`,
// so authentication, retries and error mapping happen in one place.
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { AppError } from '../app/errors';
import type { ErrorCode } from '../app/errors';

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';

export type TokenSource = () => Promise<string>;

export interface GraphRequester {
  get<T>(path: string, headers?: Record<string, string>): Promise<T>;
  /** Follows @odata.nextLink until the collection is complete. */
  getAll<T>(path: string): Promise<T[]>;
  put<T>(path: string, body: string, contentType: string, headers?: Record<string, string>): Promise<T>;
  patch<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
}

export function createGraphRequester(getToken: TokenSource): GraphRequester {
  const authProvider: AuthenticationProvider = { getAccessToken: getToken };
  const client = Client.initWithMiddleware({ authProvider, defaultVersion: 'v1.0' });

  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toGraphAppError(error);
    }
  };

  return {
    get: (path, headers = {}) => call(() => client.api(path).headers(headers).get()),
    async getAll<T>(path: string) {
      const items: T[] = [];
      let next: string | undefined = path;
      while (next) {
        const page: { value: T[]; '@odata.nextLink'?: string } = await call(() => client.api(next as string).get());
        items.push(...page.value);
        next = page['@odata.nextLink'];
      }
      return items;
    },
    put: (path, body, contentType, headers = {}) =>
      call(() => client.api(path).headers({ ...headers, 'Content-Type': contentType }).put(body)),
    patch: (path, body, headers = {}) => call(() => client.api(path).headers(headers).patch(body)),
  };
}

const STATUS_CODES: Record<number, ErrorCode> = {
  401: 'graph-unauthorized',
  403: 'graph-forbidden',
  404: 'graph-not-found',
  409: 'graph-conflict',
  412: 'graph-conflict',
  429: 'graph-throttled',
  503: 'graph-unavailable',
  504: 'graph-unavailable',
};

export function toGraphAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof GraphError) {
    // statusCode -1 is the SDK's way of saying the request never got an answer.
    if (error.statusCode === -1 || error.statusCode === 0) return new AppError('network-offline', { cause: error });
    const code = STATUS_CODES[error.statusCode] ?? 'graph-failed';
    return new AppError(code, { cause: error, status: error.statusCode, requestId: error.requestId ?? undefined, detail: error.code ?? undefined });
  }
  if (error instanceof TypeError) return new AppError('network-offline', { cause: error });
  return new AppError('graph-failed', { cause: error });
}
