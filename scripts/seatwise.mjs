#!/usr/bin/env node
// The one entry point behind `npm start`, `npm test` and the other root scripts: it needs
// only Node and npm. It fetches the pinned pnpm when missing, installs dependencies when the
// lockfile changed, builds through turbo (cached), then starts, tests or benchmarks.
// In production: `npm run build` once per release, then `npm run serve` (no install, no build).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
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
    'examples/desktop-client/package.json',
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
const node24Report = join(root, 'apps/api/test-results-node24.json');
const reportFiles = [
  'apps/api/test-results.json',
  'apps/web/test-results.json',
  'packages/schema/test-results.json',
  'examples/consumer/test-results.json',
  'examples/billing-sync/test-results.json',
  'examples/desktop-client/test-results.json',
].map((file) => join(root, file));

/**
 * Node 24, the newest line users run. On an older Node, `npm test` also runs the API suite on it:
 * the Node build comes from the npm registry (`node-<platform>-<arch>`, what the `node` package
 * installs, without its install script), and better-sqlite3, compiled for one Node ABI, is compiled
 * once more for it under .tools/ from the installed sources and that Node's own headers.
 */
const node24Version = '24.22.3';

/** node-gyp as npm bundles it (npm is always there), else as the private pnpm bundles it. */
function nodeGyp() {
  const candidates = [
    process.env.npm_execpath && join(process.env.npm_execpath, '..', '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(tools, 'node_modules', 'pnpm', 'dist', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  const found = candidates.find((file) => existsSync(file));
  if (!found) fail(`node-gyp not found (looked in ${candidates.join(', ')}): it compiles SQLite for the Node 24 leg.`);
  return found;
}

function ensureNode24(env) {
  const dir = join(tools, `node-${node24Version}`);
  const nodeDir = join(dir, 'node_modules', `node-${process.platform}-${process.arch}`);
  const node = join(nodeDir, 'bin', 'node');
  if (!existsSync(node)) {
    console.log(`seatwise: installing Node ${node24Version} into .tools/ for the Node 24 leg (once)`);
    run('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-${process.platform}-${process.arch}@${node24Version}`], env);
  }
  const source = realpathSync(join(root, 'node_modules', '.pnpm', 'node_modules', 'better-sqlite3'));
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const build = join(dir, `better-sqlite3-${version}`);
  const binding = join(build, 'build', 'Release', 'better_sqlite3.node');
  const loads = () => spawnSync(node, ['-e', `require(${JSON.stringify(binding)})`], { stdio: 'ignore' }).status === 0;
  if (!existsSync(binding) || !loads()) {
    console.log(`seatwise: compiling better-sqlite3 ${version} for Node ${node24Version} (once, about a minute)`);
    rmSync(build, { recursive: true, force: true });
    for (const part of ['binding.gyp', 'package.json', 'deps', 'src']) cpSync(join(source, part), join(build, part), { recursive: true });
    // npm hands its own `nodedir` (this Node's headers) to scripts, and node-gyp prefers it to the flag.
    const gypEnv = { ...env, npm_config_nodedir: nodeDir };
    run(node, [nodeGyp(), 'rebuild', '--release', `--nodedir=${nodeDir}`, '-j', '2'], gypEnv, { cwd: build, stdio: ['ignore', 'ignore', 'inherit'] });
    if (!loads()) fail(`better-sqlite3 compiled under .tools/ does not load in Node ${node24Version}: delete ${build} and run again.`);
  }
  return { bin: join(nodeDir, 'bin'), binding };
}

/** The API suite once more on Node 24 (skipped when this Node is 24 or newer: the main run is that leg). */
function testOnNode24(env) {
  const [major] = process.versions.node.split('.').map(Number);
  if (major >= 24 || env.SEATWISE_TEST_NODE24 === '0') return { ran: false, status: 0 };
  const { bin, binding } = ensureNode24(env);
  console.log(`\nseatwise: the API suite on Node ${node24Version}`);
  const result = spawnSync('pnpm', ['--filter', '@seatwise/api', 'exec', 'vitest', 'run'], {
    cwd: root,
    env: { ...env, PATH: `${bin}${delimiter}${env.PATH}`, SEATWISE_SQLITE_BINDING: binding, SEATWISE_TEST_REPORT: node24Report },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return { ran: true, status: result.status ?? 1 };
}

function summariseTests() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of [...reportFiles, node24Report]) {
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
      for (const file of [...reportFiles, node24Report]) rmSync(file, { force: true });
      const result = spawnSync('pnpm', ['exec', 'turbo', 'run', 'lint', 'typecheck', 'test', '--concurrency=2', '--continue'], {
        cwd: root,
        env,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
      const node24 = testOnNode24(env);
      const { passed, failed, skipped } = summariseTests();
      const expected = node24.ran ? [...reportFiles, node24Report] : reportFiles;
      const missing = expected.filter((file) => !existsSync(file)).map((file) => file.slice(root.length));
      if (missing.length) console.error(`seatwise: no test report from ${missing.join(', ')}`);
      console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
      const ok = result.status === 0 && node24.status === 0 && failed === 0 && missing.length === 0 && passed > 0;
      process.exit(ok ? 0 : 1);
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
