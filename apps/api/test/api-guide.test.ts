import { readFileSync } from 'node:fs';
import { ApiScope, VendorScope } from '@seatwise/schema';
import { apiScopeRules, apiScopes, userRoleScopes } from '@seatwise/schema/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestApp, type TestApp, type TestClient } from './harness.js';

const guide = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');

interface Example {
  line: number;
  as: string;
  expect: string;
  requires?: string;
  language: string;
  code: string;
  variables?: string;
}

/** Each `<!-- example: key=value ... -->` with the fenced block after it (and a json block of variables). */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const pattern = /<!-- example: (.*?) -->\n```(\w+)\n([\s\S]*?)\n```(?:\n```json\n([\s\S]*?)\n```)?/g;
  for (const match of markdown.matchAll(pattern)) {
    const attributes = Object.fromEntries(match[1]!.split(/\s+/).map((pair) => pair.split('=') as [string, string]));
    found.push({
      line: markdown.slice(0, match.index).split('\n').length,
      as: attributes.as!,
      expect: attributes.expect!,
      requires: attributes.requires,
      language: match[2]!,
      code: match[3]!,
      variables: match[4],
    });
  }
  return found;
}

interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

function parseHttp(block: string): HttpRequest {
  const [head = '', body = ''] = block.split(/\n\n/);
  const [requestLine = '', ...headerLines] = head.split('\n');
  const [method = '', path = ''] = requestLine.split(' ');
  const headers = Object.fromEntries(headerLines.map((line) => line.split(/:\s*/, 2) as [string, string]));
  return { method, path, headers, body };
}

const all = examples(guide);

describe('docs/api.md', () => {
  it('has examples of sign-in, tokens, pagination, errors and usage ingestion', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const topic of ['signIn', 'createApiToken', 'after: $after', 'INSUFFICIENT_SCOPE', '/api/usage-events']) {
      expect(all.some((example) => `${example.code} ${example.expect}`.includes(topic)), topic).toBe(true);
    }
  });

  it('lists every scope once, with its GraphQL value', () => {
    const listed = [...guide.matchAll(/^\| `([a-z]+:[a-z]+)` \| `([A-Z_]+)` \|/gm)].map((match) => [match[1], match[2]]);
    const expected = Object.entries(ApiScope).map(([name, value]) => [value, name]);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('lists every vendor scope once, with its GraphQL value', () => {
    const listed = [...guide.matchAll(/^\| `(vendor:[a-z]+:[a-z]+)` \| `([A-Z_]+)` \|/gm)].map((match) => [match[1], match[2]]);
    expect(listed.sort()).toEqual(Object.entries(VendorScope).map(([name, value]) => [value, name]).sort());
  });

  it('says which scopes are personal only and which the User role may give, as the shared rules do', () => {
    const personalOnly = [...guide.matchAll(/^\| `[a-z]+:[a-z]+` \| `([A-Z_]+)` \|.*\| personal only \|$/gm)].map((match) => match[1]);
    expect(personalOnly).toEqual(apiScopes.filter((scope) => apiScopeRules[scope].personalOnly));
    const userRole = guide.match(/User role can give their personal tokens only ([^.]+)\./)?.[1] ?? '';
    expect([...userRole.matchAll(/`([a-z]+:[a-z]+)`/g)].map((match) => match[1])).toEqual(userRoleScopes.map((scope) => apiScopeRules[scope].value));
  });
});

describe('docs/api.md examples, run against the API', () => {
  let app: TestApp;
  let session: TestClient;
  const tokens = new Map<string, string>();
  let lastEndCursor: string | null = null;

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    session = app.client();
    dataOf(await session.signIn('admin@example.com'));
  });
  afterAll(() => app?.close());

  /** A service token (or, for profile scopes, a personal one) with exactly these scopes. */
  async function tokenFor(scopes: string): Promise<string> {
    if (!tokens.has(scopes)) {
      const names = scopes.split(',').map((value) => Object.entries(ApiScope).find(([, v]) => v === value || v.toUpperCase().replace(':', '_') === value)?.[0] ?? value);
      const { createApiToken } = dataOf(
        await session.graphql<{ createApiToken: { secret: string } }>(
          'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
          { input: { kind: 'SERVICE', name: `guide ${scopes}`, scopes: names } },
        ),
      );
      tokens.set(scopes, createApiToken.secret);
    }
    return tokens.get(scopes)!;
  }

  async function credentials(as: string): Promise<Record<string, string>> {
    if (as === 'anonymous') return {};
    if (as === 'session') return { cookie: [...session.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
    if (as.startsWith('token:')) return { authorization: `Bearer ${await tokenFor(as.slice('token:'.length))}` };
    throw new Error(`unknown credential "${as}"`);
  }

  it.each(all.map((example) => [`line ${example.line}: ${example.language} as ${example.as}, expects ${example.expect}`, example] as const))(
    '%s',
    async (_name, example) => {
      let request: HttpRequest;
      if (example.language === 'graphql') {
        const variables = example.variables?.replace('"<endCursor>"', JSON.stringify(lastEndCursor));
        request = {
          method: 'POST',
          path: '/graphql',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: example.code, variables: variables ? JSON.parse(variables) : undefined }),
        };
      } else {
        request = parseHttp(example.code);
        expect(request.headers.Authorization ?? '').toMatch(/^Bearer sw_svc_\.\.\.$/);
        delete request.headers.Authorization;
        JSON.parse(request.body);
      }
      const headers = { ...request.headers, ...(await credentials(example.as)) };
      const response = await fetch(`${app.url}${request.path}`, { method: request.method, headers, body: request.body });
      if (example.requires && response.status === 404 && !response.headers.get('content-type')?.includes('json')) {
        // This build has no such endpoint yet: the request above was still checked for its form.
        expect(example.requires).toBe(request.path);
        return;
      }
      const [kind, value] = example.expect.split(':') as [string, string | undefined];
      if (kind === 'status') {
        expect(response.status).toBe(Number(value));
        return;
      }
      const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      if (kind === 'data') {
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        expect(body.data).toBeTruthy();
        lastEndCursor = /"endCursor":("[^"]+")/.exec(JSON.stringify(body.data))?.[1]?.slice(1, -1) ?? lastEndCursor;
      } else {
        expect(body.errors?.[0]?.extensions?.code).toBe(value);
      }
    },
  );

  it('the next-page example really continues the first page', async () => {
    expect(lastEndCursor).not.toBeNull();
  });
});
