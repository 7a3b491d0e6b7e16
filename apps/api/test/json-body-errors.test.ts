import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { drivers, PRODUCTION_ENV, startTestApp, type TestApp } from './harness.js';

const modes = [
  ['production', { ...PRODUCTION_ENV, SEATWISE_DEMO: '0' }],
  ['demo', { NODE_ENV: 'development', SEATWISE_DEMO: '1' }],
] as const;

interface Answer {
  status: number;
  type: string | null;
  text: string;
}

/** A body error must never show how the server is built: no stack frames, no paths on its disk. */
function expectNothingInternal(answer: Answer) {
  expect(answer.type).toMatch(/^application\/json/);
  expect(answer.text).not.toMatch(/\bat \S+ \(|\bat \//);
  expect(answer.text).not.toContain(process.cwd());
  expect(answer.text).not.toMatch(/<html|<pre/i);
}

describe.each(drivers)('request bodies that are not JSON (%s)', (driver) => {
  describe.each(modes)('%s', (_mode, env) => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp(driver, { seed: false, env });
    });
    afterAll(() => app?.close());

    const send = async (path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> => {
      const response = await fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    };

    it.each([
      ['malformed JSON', '{not json'],
      ['a truncated body', '{"query": "{ serverInfo { version } }", "variables": {'],
    ])('answers %s to /graphql with a GraphQL error and code BAD_REQUEST', async (_label, body) => {
      const answer = await send('/graphql', body);
      expect(answer.status).toBe(400);
      expectNothingInternal(answer);
      expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    });

    it('writes the message in the language asked for', async () => {
      const answer = await send('/graphql', '{not json', { 'accept-language': 'sl' });
      expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ message: 'Telo zahteve ni veljaven JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    });

    it('refuses a JSON body in a character set it cannot read: 415 with a code', async () => {
      const answer = await send('/graphql', '{"query": "{ serverInfo { version } }"}', { 'content-type': 'application/json; charset=latin1' });
      expect(answer.status).toBe(415);
      expectNothingInternal(answer);
      expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
    });

    it('refuses a body over the limit with 413 and its code', async () => {
      const limit = loadConfig({}).graphql.maxBodyBytes;
      const answer = await send('/graphql', JSON.stringify({ query: '{ serverInfo { version } }', variables: { pad: 'x'.repeat(limit) } }));
      expect(answer.status).toBe(413);
      expectNothingInternal(answer);
      expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ extensions: { code: 'BODY_LIMIT_EXCEEDED', limit } }] });
    });

    it.each(['/api/downloads/%E0%A4%A/setup.exe', '/api/exports/%E0%A4%A.csv'])(
      'answers an address it cannot decode (%s) in JSON with a code, never an HTML page',
      async (path) => {
        const response = await fetch(`${app.url}${path}`);
        const answer = { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expectNothingInternal(answer);
        expect(JSON.parse(answer.text).error.code).toMatch(/^[A-Z_]+$/);
      },
    );

    it('answers the REST routes the same way, in their own error shape', async () => {
      const malformed = await send('/api/usage-events', '{"events": [', { authorization: 'Bearer x' });
      expect(malformed.status).toBe(400);
      expectNothingInternal(malformed);
      expect(JSON.parse(malformed.text)).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'body' } });
      const charset = await send('/api/usage-events', '{"events": []}', { authorization: 'Bearer x', 'content-type': 'application/json; charset=latin1' });
      expect(charset.status).toBe(415);
      expectNothingInternal(charset);
      expect(JSON.parse(charset.text)).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', field: 'body' } });
    });
  });
});
