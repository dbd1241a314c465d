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

interface Transport {
  client: Client;
  /** Calls that outlive the page (saving on pagehide); over IPC every call already does. */
  keepalive: Client;
  mode: HostMode;
  upload: ((file: File) => Promise<string>) | null;
  /** Hands a preview document (remote images on) to the host, which serves it under its own CSP; resolves to its URL. */
  publishFrame: (document: string) => Promise<string>;
  session: BrowserSession;
}

function createTransport(): Transport {
  const bridge = window.tailorApi;
  if (bridge) {
    const shell = window.tailorShell;
    const client = createClient((method: MethodName, input) => bridge[method](input));
    return {
      client,
      keepalive: client,
      mode: 'desktop',
      upload: null,
      publishFrame: (document) =>
        shell ? shell.publishPreviewFrame(document) : Promise.reject(new Error('The desktop shell is missing.')),
      session: null,
    };
  }
  const { token, api } = readBrowserSession();
  const headers = { 'content-type': 'application/json', 'x-tailor-token': token ?? '' };
  const post = (keepalive: boolean) => async (method: MethodName, input: unknown) => {
    let response: Response;
    try {
      response = await fetch(`${api}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}), keepalive });
    } catch {
      throw new ContractError('internal', 'Tailor’s local service is not responding. Is the terminal that started Tailor still running?');
    }
    return (await response.json()) as unknown;
  };
  const upload = async (file: File): Promise<string> => {
    const response = await fetch(`${api}/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'x-tailor-token': token ?? '' },
      body: file,
    });
    const data = unwrapEnvelope(await response.json()) as { path: string };
    return data.path;
  };
  const publishFrame = async (document: string): Promise<string> => {
    const response = await fetch(`${api}/frames`, { method: 'POST', headers, body: JSON.stringify({ document }) });
    const data = unwrapEnvelope(await response.json()) as { url: string };
    return `${api}${data.url}`;
  };
  return {
    client: createClient(post(false)),
    keepalive: createClient(post(true)),
    mode: 'browser',
    upload,
    publishFrame,
    session: { token: token ?? '', api },
  };
}

export const transport = createTransport();
export const api = transport.client;
/** For saves made while the page is going away: the browser finishes the request after unload. */
export const keepaliveApi = transport.keepalive;
