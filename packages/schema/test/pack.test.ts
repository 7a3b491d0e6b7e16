import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url).pathname;
/** Anything that would make a consumer install or run the server. */
const serverPackages = /^(type-graphql|graphql-scalars|reflect-metadata|@apollo\/|@mikro-orm\/|express|pg|better-sqlite3|@seatwise\/api)/;

describe('pnpm pack of @seatwise/schema (F-62)', () => {
  let dir: string;
  let unpacked: string;
  let manifest: {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    exports: Record<string, unknown>;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'seatwise-pack-'));
    execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: packageDir, stdio: 'pipe' });
    const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'))!;
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
    unpacked = join(dir, 'package');
    manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships the SDL, the operations, the client types and typed documents', () => {
    const files = execFileSync('find', ['.', '-type', 'f'], { cwd: unpacked, encoding: 'utf8' }).split('\n');
    for (const file of ['./schema.graphql', './dist/client/index.js', './dist/client/index.d.ts', './dist/client/schema-types.d.ts', './dist/client/operations.js', './dist/client/enums.js', './dist/client/token-scopes.js', './dist/client/brand.js', './codegen/index.js', './codegen/index.d.ts', './operations/users.graphql', './CHANGELOG.md']) {
      expect(files).toContain(file);
    }
    expect(files.some((file) => file.includes('/test/') || file.includes('baseline'))).toBe(false);
    expect(manifest.exports).toHaveProperty('./client');
    // The SPA's first load reads the shipped brand alone, without the rest of the client.
    expect(manifest.exports).toHaveProperty(['./client/brand']);
    expect(manifest.exports).toHaveProperty('./codegen');
    expect(readFileSync(join(unpacked, 'schema.graphql'), 'utf8')).toBe(readFileSync(join(packageDir, 'schema.graphql'), 'utf8'));
  });

  it('depends on nothing of the server; the type-graphql classes need optional peers only', () => {
    const dependencies = Object.keys(manifest.dependencies ?? {});
    expect(dependencies.filter((name) => serverPackages.test(name))).toEqual([]);
    expect(dependencies).toEqual(['@graphql-typed-document-node/core']);
    for (const peer of Object.keys(manifest.peerDependencies ?? {}).filter((name) => serverPackages.test(name))) {
      expect(manifest.peerDependenciesMeta?.[peer]?.optional, `${peer} must be an optional peer`).toBe(true);
    }
  });

  it('has a client entry that imports only its own files', () => {
    const clientDir = join(unpacked, 'dist/client');
    for (const file of readdirSync(clientDir).filter((name) => /\.(js|d\.ts)$/.test(name))) {
      const source = readFileSync(join(clientDir, file), 'utf8');
      const imports = [...source.matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)].map((match) => match[1]!);
      const foreign = imports.filter((path) => !path.startsWith('./') && path !== '@graphql-typed-document-node/core');
      expect(foreign, `${file} imports ${foreign.join(', ')}`).toEqual([]);
    }
  });
});
