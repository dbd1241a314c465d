import type { Client } from '../../shared/contract/contract';
import { createClient } from '../../shared/contract/dispatch';
import type { MethodName } from '../../shared/contract/methods';
import { TOKEN_HEADER, type HttpHost } from '../../electron/hosts/http-host';

/** A typed client that calls a running HTTP host exactly as the browser renderer does. */
export const httpClient = (host: Pick<HttpHost, 'origin' | 'token'>): Client =>
  createClient(async (method: MethodName, input) => {
    const response = await fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify(input),
    });
    return (await response.json()) as unknown;
  });
