import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dataOf, type TestApp, type TestClient } from './harness.js';
import { signInDemoOperator } from './vendor-helpers.js';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Registers a product as an OAuth client through the Vendor console's API, as the demo operator. */
export async function registerClient(app: TestApp, name = 'Seatwise Studio', redirectUris = ['http://127.0.0.1/callback']): Promise<string> {
  const operator = await signInDemoOperator(app);
  const created = dataOf(
    await operator.graphql<{ createOAuthClient: { clientId: string } }>(
      'mutation ($input: CreateOAuthClientInput!) { createOAuthClient(input: $input) { clientId } }',
      { input: { name, redirectUris } },
    ),
  );
  return created.createOAuthClient.clientId;
}

/** A form post to one of the provider's endpoints, as a product sends it. */
export async function oidcPost(app: TestApp, path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/oidc${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const decodeJwt = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** A real loopback listener, as a desktop product opens one for its redirect (RFC 8252). */
export async function loopbackListener(): Promise<{ port: number; received: URL[]; close(): Promise<void> }> {
  const received: URL[] = [];
  const server: Server = createServer((req, res) => {
    received.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
    res.writeHead(200, { 'content-type': 'text/plain' }).end('You can close this window.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A browser against the API: the signed-in person's cookies (from `client`) plus the provider's
 * own, redirects followed by hand so each hop can be checked.
 */
export function browserOf(app: TestApp, client: TestClient) {
  const cookies = client.cookies;
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return {
    async get(url: string): Promise<Response> {
      const response = await fetch(url.startsWith('http') ? url : `${app.url}${url}`, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      for (const header of response.headers.getSetCookie()) {
        const [pair = ''] = header.split(';');
        const at = pair.indexOf('=');
        const value = pair.slice(at + 1).trim();
        if (value) cookies.set(pair.slice(0, at).trim(), value);
        else cookies.delete(pair.slice(0, at).trim());
      }
      return response;
    },
    async postJson(path: string, body: unknown): Promise<Response> {
      return fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie: cookieHeader(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    },
  };
}

/** A product signed in through the device flow for the person of `client`: its tokens. */
export async function deviceTokens(app: TestApp, clientId: string, client: TestClient): Promise<{ access_token: string; refresh_token: string; id_token: string }> {
  const device = (await oidcPost(app, '/device/auth', { client_id: clientId, scope: 'openid profile offline_access' })).body as { device_code: string; user_code: string };
  dataOf(await client.graphql('mutation ($code: String!) { approveDeviceAuthorization(userCode: $code, allow: true) }', { code: device.user_code }));
  const tokens = await oidcPost(app, '/token', { client_id: clientId, grant_type: DEVICE_GRANT, device_code: device.device_code });
  return tokens.body as { access_token: string; refresh_token: string; id_token: string };
}
