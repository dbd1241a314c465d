import type { Client } from '../../shared/contract/contract';
import { createClient } from '../../shared/contract/dispatch';
import { ContractError, unwrapEnvelope } from '../../shared/contract/envelope';
import type { MethodName } from '../../shared/contract/methods';

const TOKEN_KEY = 'tailor.token';
const API_KEY = 'tailor.api';

/**
 * Browser mode gets its session token (and, in dev, the API origin) in the URL
 * fragment. Keep them for reloads in sessionStorage and scrub the fragment so
 * the secret does not linger in the address bar or history.
 */
function readBrowserSession(): { token: string | null; api: string } {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token');
  const api = fragment.get('api');
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  // Only a loopback API origin is accepted, so a crafted link cannot point the studio elsewhere.
  if (api && /^http:\/\/127\.0\.0\.1:\d+$/.test(api)) sessionStorage.setItem(API_KEY, api);
  if (token || api) history.replaceState(null, '', window.location.pathname + window.location.search);
  return { token: sessionStorage.getItem(TOKEN_KEY), api: sessionStorage.getItem(API_KEY) ?? '' };
}

export type HostMode = 'desktop' | 'browser';

/** Where browser mode's API lives and the token it needs; null in the desktop app. */
export type BrowserSession = { token: string; api: string } | null;

function createTransport(): {
  client: Client;
  mode: HostMode;
  upload: ((file: File) => Promise<string>) | null;
  session: BrowserSession;
} {
  const bridge = window.tailorApi;
  if (bridge) {
    return { client: createClient((method: MethodName, input) => bridge[method](input)), mode: 'desktop', upload: null, session: null };
  }
  const { token, api } = readBrowserSession();
  const headers = { 'content-type': 'application/json', 'x-tailor-token': token ?? '' };
  const client = createClient(async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`${api}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
    } catch {
      throw new ContractError('internal', 'Tailor’s local service is not responding. Is the terminal that started Tailor still running?');
    }
    return (await response.json()) as unknown;
  });
  const upload = async (file: File): Promise<string> => {
    const response = await fetch(`${api}/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'x-tailor-token': token ?? '' },
      body: file,
    });
    const data = unwrapEnvelope(await response.json()) as { path: string };
    return data.path;
  };
  return { client, mode: 'browser', upload, session: { token: token ?? '', api } };
}

export const transport = createTransport();
export const api = transport.client;
