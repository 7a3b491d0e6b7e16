import type { TestApp, TestClient } from './harness.js';

/** A REST request as the client's browser would send it: with its cookies. */
export function rest(app: TestApp, client: TestClient | null, path: string, init: RequestInit = {}): Promise<Response> {
  const cookie = client?.cookies.size ? [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ') : undefined;
  return fetch(`${app.url}${path}`, {
    ...init,
    headers: { ...(cookie ? { cookie } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
  });
}

export function postEvents(app: TestApp, client: TestClient | null, events: unknown[] | unknown) {
  return rest(app, client, '/api/usage-events', {
    method: 'POST',
    body: JSON.stringify(Array.isArray(events) ? { events } : events),
  });
}
