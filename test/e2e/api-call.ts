import type { APIRequestContext } from '@playwright/test';

/** Call the studio's own HTTP API with the session token from the URL the CLI printed. */
export async function apiCall<T>(request: APIRequestContext, studioUrl: string, method: string, input: object = {}): Promise<T> {
  const url = new URL(studioUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const response = await request.post(`${url.origin}/api/${method}`, {
    headers: { 'x-tailor-token': token },
    data: input,
    timeout: 120_000,
  });
  const body = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data as T;
}
