import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { dataOf, PRODUCTION_ENV, startTestApp, type TestApp } from './harness.js';

/** A stand-in for the built SPA, so the test does not depend on the web build. */
const webDist = mkdtempSync(join(tmpdir(), 'seatwise-web-'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Seatwise</title>');

describe('introspection and playground in production Q-03', () => {
  it('are on in development and off in production unless turned on', () => {
    expect(loadConfig({}).graphql).toMatchObject({ introspection: true, playground: true });
    expect(loadConfig({ ...PRODUCTION_ENV }).graphql).toMatchObject({ introspection: false, playground: false });
    expect(
      loadConfig({ ...PRODUCTION_ENV, GRAPHQL_INTROSPECTION: '1', GRAPHQL_PLAYGROUND: '1' }).graphql,
    ).toMatchObject({ introspection: true, playground: true });
  });

  describe.each([
    ['production', { ...PRODUCTION_ENV, SEATWISE_WEB_DIST: webDist }, false],
    [
      'production with both turned on',
      { ...PRODUCTION_ENV, SEATWISE_WEB_DIST: webDist, GRAPHQL_INTROSPECTION: '1', GRAPHQL_PLAYGROUND: '1' },
      true,
    ],
  ] as const)('%s', (_label, env, enabled) => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp('sqlite', { seed: false, env });
    });
    afterAll(() => app?.close());

    it(`${enabled ? 'answers' : 'refuses'} introspection`, async () => {
      const response = await app.client().graphql(getIntrospectionQuery());
      if (enabled) {
        expect(response.errors).toBeUndefined();
      } else {
        expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(response.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      }
      const { serverInfo } = dataOf(await app.client().graphql<{ serverInfo: { playground: boolean } }>('{ serverInfo { playground } }'));
      expect(serverInfo.playground).toBe(enabled);
    });

    it(`${enabled ? 'serves' : 'does not serve'} the playground`, async () => {
      const playground = await fetch(`${app.url}/playground`, { headers: { accept: 'text/html' } });
      expect(playground.status === 404).toBe(!enabled);
      if (!enabled) expect(await playground.text()).toMatch(/GRAPHQL_PLAYGROUND=1/);
      const graphqlPage = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(graphqlPage.headers.get('content-type')?.startsWith('text/html') ?? false).toBe(enabled);
    });
  });
});
