import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from '../src/client/index.js';
import * as server from '../src/index.js';

const packageDir = new URL('..', import.meta.url).pathname;

/**
 * Loads the built client entry in a bare Node process: a copy of `dist/client` in a temporary folder
 * with no node_modules anywhere above it, and a resolve hook that throws on the server's packages and
 * logs every module the entry loads. Whatever the entry imported beyond its own files would fail.
 */
function loadClientEntryAlone(dir: string): { loaded: string[]; result: Record<string, unknown> } {
  cpSync(join(packageDir, 'dist/client'), join(dir, 'client'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const log = join(dir, 'loaded.log');
  writeFileSync(log, '');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  if (/^(type-graphql|reflect-metadata|graphql-scalars|graphql)(\\/|$)/.test(specifier)) {
    throw new Error('the client entry imports ' + specifier + ' (from ' + context.parentURL + ')');
  }
  const resolved = await next(specifier, context);
  if (context.parentURL && !context.parentURL.endsWith('/run.mjs')) appendFileSync(log, resolved.url + '\\n');
  return resolved;
}
`,
  );
  writeFileSync(
    join(dir, 'run.mjs'),
    `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { log: ${JSON.stringify(log)} } });
const entry = await import('./client/index.js');
console.log(JSON.stringify({
  role: entry.Role.PRIMARY_ADMIN,
  serviceScopes: entry.scopesFor(entry.ApiTokenKind.SERVICE, entry.Role.PRIMARY_ADMIN),
  userScopes: entry.scopesFor(entry.ApiTokenKind.PERSONAL, entry.Role.USER),
  usersDocument: entry.UsersDocument.kind,
  reflectMetadata: typeof Reflect.getMetadata,
}));
`,
  );
  const stdout = execFileSync(process.execPath, [join(dir, 'run.mjs')], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
  const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { loaded, result: JSON.parse(stdout) as Record<string, unknown> };
}

describe('@seatwise/schema/client has no server dependency', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'seatwise-client-entry-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads in a bare Node process importing nothing but its own files', () => {
    const { loaded, result } = loadClientEntryAlone(dir);
    const own = pathToFileURL(join(dir, 'client')).href;
    expect(loaded.length).toBeGreaterThan(2);
    expect(loaded.filter((url) => !url.startsWith(`${own}/`))).toEqual([]);
    expect(result).toEqual({
      role: 'PRIMARY_ADMIN',
      serviceScopes: client.apiScopes.filter((scope) => scope !== 'READ_PROFILE' && scope !== 'WRITE_PROFILE'),
      userScopes: ['READ_PROFILE', 'WRITE_PROFILE', 'READ_PRODUCTS', 'WRITE_PRODUCTS'],
      usersDocument: 'Document',
      reflectMetadata: 'undefined',
    });
  });
});

describe('one definition of the enum values and scope rules', () => {
  it('the server entry registers the very objects the client entry exports', () => {
    expect(server.Role).toBe(client.Role);
    expect(server.ApiTokenKind).toBe(client.ApiTokenKind);
    expect(server.SubscriptionStatus).toBe(client.SubscriptionStatus);
    expect(server.SortDirection).toBe(client.SortDirection);
  });

  it('exports a value for every enum of the SDL, and exactly its values', () => {
    const sdl = readFileSync(join(packageDir, 'schema.graphql'), 'utf8');
    const enums = [...sdl.matchAll(/^enum (\w+) \{\n([^}]*)\}/gm)];
    expect(enums.length).toBeGreaterThan(20);
    for (const [, name, body] of enums) {
      const values = [...body!.matchAll(/^\s+(\w+)$/gm)].map((match) => match[1]);
      expect(Object.values((client as unknown as Record<string, Record<string, string>>)[name!] ?? {}).sort(), name).toEqual(values.sort());
    }
  });

  it("the server's ApiScope is each scope's value from the shared rules", () => {
    expect(server.ApiScope.READ_USERS).toBe('read:users');
    for (const name of client.apiScopes) {
      expect(server.apiScopeName(server.ApiScope[name])).toBe(name);
      expect(server.ApiScope[name]).toBe(client.apiScopeRules[name].value);
    }
  });

  it('refuses personal-only scopes on service tokens and admin scopes to the User role', () => {
    expect(client.scopeRefusal('READ_PROFILE', 'SERVICE', 'PRIMARY_ADMIN')).toBe('PERSONAL_ONLY');
    expect(client.scopeRefusal('READ_USERS', 'PERSONAL', 'USER')).toBe('ROLE');
    expect(client.scopeRefusal('READ_PRODUCTS', 'PERSONAL', 'USER')).toBeNull();
    expect(client.scopeRefusal('READ_USERS', 'PERSONAL', 'SECONDARY_ADMIN')).toBeNull();
    expect(client.scopesFor('PERSONAL', 'SECONDARY_ADMIN')).toEqual(client.apiScopes);
  });
});
