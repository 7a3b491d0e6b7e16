#!/usr/bin/env node
// The one entry point behind `npm start`, `npm test` and the other root scripts: it needs
// only Node and npm. It fetches the pinned pnpm when missing, installs dependencies when the
// lockfile changed, builds through turbo (cached), then starts, tests or benchmarks.
// In production: `npm run build` once per release, then `npm run serve` (no install, no build).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const command = process.argv[2] ?? 'start';
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, '');
const tools = join(root, '.tools');

function fail(message) {
  console.error(`seatwise: ${message}`);
  process.exit(1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node ${process.versions.node} is too old: Seatwise needs Node 20.19 or newer (22 and 24 work too).`);
  }
}

/** The pinned pnpm: the one on PATH if it is that version, else a private copy under .tools/. */
function ensurePnpm(env) {
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env, shell: process.platform === 'win32' });
  if (onPath.status === 0 && onPath.stdout.trim() === pnpmVersion) return;
  const bin = join(tools, 'node_modules', '.bin');
  if (!existsSync(join(bin, 'pnpm'))) {
    console.log(`seatwise: installing pnpm ${pnpmVersion} into .tools/ (once)`);
    mkdirSync(tools, { recursive: true });
    run('npm', ['install', '--prefix', tools, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `pnpm@${pnpmVersion}`], env);
  }
  env.PATH = `${bin}${delimiter}${env.PATH}`;
}

function run(cmd, args, env, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32', ...options });
  if (result.status !== 0) fail(`\`${cmd} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
}

/** Installs only when the lockfile or a manifest changed since the last successful install. */
function ensureDependencies(env) {
  const manifests = [
    'pnpm-lock.yaml',
    'package.json',
    'apps/api/package.json',
    'apps/web/package.json',
    'packages/schema/package.json',
    'examples/consumer/package.json',
    'examples/billing-sync/package.json',
  ];
  const hash = createHash('sha256');
  for (const file of manifests) hash.update(readFileSync(join(root, file)));
  hash.update(process.version);
  const digest = hash.digest('hex');
  const stamp = join(root, 'node_modules', '.seatwise-install');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  console.log('seatwise: installing dependencies (the first time compiles SQLite, about a minute)');
  run('pnpm', ['install', '--frozen-lockfile'], env);
  writeFileSync(stamp, digest);
}

const turbo = (env, args) => run('pnpm', ['exec', 'turbo', 'run', ...args], env);

/** Vitest writes a JSON report per package; the sum is printed as the suite's closing line. */
const reportFiles = [
  'apps/api/test-results.json',
  'apps/web/test-results.json',
  'packages/schema/test-results.json',
  'examples/consumer/test-results.json',
  'examples/billing-sync/test-results.json',
].map((file) => join(root, file));

function summariseTests() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of reportFiles) {
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  return { passed, failed, skipped };
}

/**
 * `npm run serve`: the production start. Runs what `npm run build` built, nothing else: no install,
 * no build, NODE_ENV=production unless set. The server itself refuses settings that would silently
 * misbehave in production (docs/operations.md).
 */
function serve() {
  const built = [
    ['apps/api/dist/main.js', 'the API'],
    ['apps/web/dist/index.html', 'the web app'],
  ].filter(([file]) => !existsSync(join(root, file)));
  if (built.length) fail(`${built.map(([, what]) => what).join(' and ')} ${built.length > 1 ? 'are' : 'is'} not built: run \`npm run build\` first (once per release).`);
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
  const server = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  checkNode();
  if (command === 'serve') return serve();
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
  ensurePnpm(env);
  ensureDependencies(env);

  switch (command) {
    case 'start': {
      turbo(env, ['build', '--output-logs=errors-only']);
      const server = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { cwd: root, env, stdio: 'inherit' });
      for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
      server.on('exit', (code) => process.exit(code ?? 0));
      break;
    }
    case 'build':
      // `npm run build`: install when needed, then build every package once (turbo caches).
      turbo(env, ['build', '--output-logs=errors-only']);
      console.log('seatwise: built. Serve it with `npm run serve` (docs/operations.md).');
      break;
    case 'dev': {
      // Vite serves the SPA and proxies the API's paths to it; links in messages open Vite too.
      const webPort = env.SEATWISE_WEB_PORT ?? '5173';
      env.SEATWISE_WEB_PORT = webPort;
      env.SEATWISE_API_URL ??= `http://127.0.0.1:${env.PORT ?? '4000'}`;
      env.PUBLIC_URL ??= `http://localhost:${webPort}`;
      turbo(env, ['dev']);
      break;
    }
    case 'bench':
      turbo(env, ['build', '--output-logs=errors-only']);
      // `npm run bench -- user-import seat-usage` runs only those.
      run('pnpm', ['--filter', '@seatwise/api', 'bench', ...process.argv.slice(3)], env);
      // The SPA's figures (first-load size, largest contentful paint) come with a full run only.
      if (process.argv.length === 3) run('pnpm', ['--filter', '@seatwise/web', 'bench'], env);
      break;
    case 'test': {
      for (const file of reportFiles) rmSync(file, { force: true });
      const result = spawnSync('pnpm', ['exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--concurrency=2', '--continue'], {
        cwd: root,
        env,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
      const { passed, failed, skipped } = summariseTests();
      const missing = reportFiles.filter((file) => !existsSync(file)).map((file) => file.slice(root.length));
      if (missing.length) console.error(`seatwise: no test report from ${missing.join(', ')}`);
      console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
      process.exit(result.status === 0 && failed === 0 && missing.length === 0 && passed > 0 ? 0 : 1);
      break;
    }
    case 'db:migrate':
    case 'db:migration:create':
    case 'db:seed':
    case 'schema:emit':
    case 'operator:create':
    case 'backup':
    case 'restore':
      turbo(env, ['build', '--filter=@seatwise/schema', '--output-logs=errors-only']);
      run('pnpm', ['--filter', '@seatwise/api', command, ...process.argv.slice(3)], env);
      break;
    default:
      fail(`unknown command "${command}": use start, build, serve, test, dev, bench, db:migrate, db:migration:create, db:seed, schema:emit, operator:create, backup or restore.`);
  }
}

main();
