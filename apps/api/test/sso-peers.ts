import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import dns2 from 'dns2';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * The real peers of single sign-on in tests: the customer's identity provider (`oidc-provider` on
 * localhost, with a plain login form of its own) and a DNS server (`dns2`) holding the TXT records
 * that prove a domain.
 */

export interface IdpPerson {
  sub: string;
  email: string;
  given_name?: string;
  family_name?: string;
  email_verified?: boolean;
  [claim: string]: unknown;
}

/** What the provider does wrong on purpose in its next token response (re-signed with its own key). */
export type Tamper = { aud?: string; nonce?: string; iss?: string } | null;

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People who can sign in, by login name. */
  people: Map<string, IdpPerson>;
  tamper: Tamper;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The customer's OpenID provider: one confidential client (Seatwise) with the given redirect URI. */
export async function startIdp(redirectUri: string): Promise<TestIdp> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'idp-key', alg: 'RS256', use: 'sig' };
  const people = new Map<string, IdpPerson>();
  const bySub = (sub: string) => [...people.values()].find((person) => person.sub === sub);
  const clientId = 'seatwise';
  const clientSecret = 'a-long-client-secret-for-the-test-provider';
  const configuration: Configuration = {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['test-idp-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name', 'groups', 'seatwise_access'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true, methods: ['S256'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const person = bySub(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: () => ({ email_verified: true, ...person }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  const idp: TestIdp = { issuer, clientId, clientSecret, people, tamper: null, close: () => new Promise((resolve) => server.close(() => resolve())) };

  /** The token response with the ID token's claims changed as `tamper` says, signed again with the provider's key. */
  async function tampered(body: string): Promise<string> {
    const tamper = idp.tamper;
    idp.tamper = null;
    const json = JSON.parse(body) as { id_token?: string };
    if (!tamper || !json.id_token) return body;
    const claims = JSON.parse(Buffer.from(json.id_token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    json.id_token = await new SignJWT({ ...claims, ...tamper }).setProtectedHeader({ alg: 'RS256', kid: 'idp-key' }).sign(privateKey);
    return JSON.stringify(json);
  }

  const callback = provider.callback();
  handler = (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
      if (interaction && req.method === 'GET') {
        const details = await provider.interactionDetails(req, res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example IdP</title></head><body><main><h1>Example IdP sign-in</h1>` +
            `<form method="post" action="/interaction/${details.uid}"><label>Username <input name="login" value="${escapeHtml(String(details.params.login_hint ?? ''))}"></label>` +
            `<button type="submit">Sign in to Example IdP</button></form></main></body></html>`,
        );
        return;
      }
      if (interaction && req.method === 'POST') {
        const details = await provider.interactionDetails(req, res);
        const person = people.get((await formBody(req)).get('login') ?? '');
        if (!person) {
          await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown user' }, { mergeWithLastSubmission: false });
          return;
        }
        const grant = new provider.Grant({ accountId: person.sub, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: person.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
        return;
      }
      if (url.pathname === '/token' && idp.tamper) {
        // Buffer the provider's answer and hand it on changed.
        const write = res.write.bind(res);
        const end = res.end.bind(res);
        const setHeader = res.setHeader.bind(res);
        const chunks: Buffer[] = [];
        res.setHeader = ((name: string, value: number | string | readonly string[]) => (name.toLowerCase() === 'content-length' ? res : setHeader(name, value))) as typeof res.setHeader;
        res.write = ((chunk: Buffer | string) => (chunks.push(Buffer.from(chunk)), true)) as typeof res.write;
        res.end = ((chunk?: Buffer | string) => {
          if (chunk) chunks.push(Buffer.from(chunk));
          void tampered(Buffer.concat(chunks).toString('utf8')).then((body) => {
            write(body);
            end();
          });
          return res;
        }) as typeof res.end;
      }
      callback(req, res);
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  };
  return idp;
}

export interface TestDns {
  /** host:port for `SEATWISE_DNS_SERVERS`. */
  server: string;
  /** TXT records by domain name. */
  txt: Map<string, string[]>;
  close(): Promise<void>;
}

/** A real DNS server on localhost (UDP) answering TXT questions from `txt`; other names get no answer. */
export async function startDns(): Promise<TestDns> {
  const txt = new Map<string, string[]>();
  const dns = dns2.createServer({
    udp: true,
    handle(request, send) {
      const response = dns2.Packet.createResponseFromRequest(request);
      for (const question of request.questions) {
        if (question.type !== dns2.Packet.TYPE.TXT) continue;
        for (const data of txt.get(question.name.toLowerCase()) ?? []) {
          response.answers.push({ name: question.name, type: dns2.Packet.TYPE.TXT, class: dns2.Packet.CLASS.IN, ttl: 1, data });
        }
      }
      send(response);
    },
  });
  await dns.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = dns.addresses().udp!.port;
  return { server: `127.0.0.1:${port}`, txt, close: () => dns.close() };
}

/** A free port on localhost, for an app whose address a peer must know before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
