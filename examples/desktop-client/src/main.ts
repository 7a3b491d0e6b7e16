#!/usr/bin/env node
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, ExitCode, RefusedError } from './errors.js';
import { checkoutNamed, checkoutNetwork, heartbeat, release, storedLease } from './licences.js';
import { thisMachine } from './machine.js';
import { deviceLogin, logout } from './signin.js';
import { defaultConfigDir, Store, type StoredLease } from './store.js';
import { formatTime, verifyLease } from './verify.js';

const HELP = `seatwise-desktop: sign a desktop product in to Seatwise and hold its licence

Usage: seatwise-desktop <command> [options]

Commands:
  login       Sign in with a code shown here and approved in Seatwise (device flow)
  checkout    Take the licence for this machine: a named-user lease, or --network a network seat
  heartbeat   Keep the stored lease: a network lease's heartbeat, or a named-user lease renewed
  release     Give the stored lease back (a network seat is checked in at once)
  verify      Check the stored lease offline: signature, expiry, grace period, machine, person
  logout      Sign out here and in Seatwise (the refresh token is revoked)

Options for every command:
  --config-dir <dir>   Where tokens, the lease and the keys are kept (default: $SEATWISE_CONFIG_DIR,
                       else the per-user config folder, e.g. ~/.config/seatwise-desktop)
  --json               Print each result as a line of JSON (never tokens or the lease itself);
                       login prints its code as one line, then the person signed in as another
  -h, --help           Show this help, or a command's with \`<command> --help\`

Exit codes: 0 done, 1 unexpected failure, 2 wrong usage, 3 refused by Seatwise (the code is printed),
4 no valid lease, 5 not signed in (or the sign-in did not finish), 6 Seatwise unreachable.`;

const COMMON = {
  'config-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const MACHINE = {
  product: { type: 'string' },
  version: { type: 'string' },
  fingerprint: { type: 'string' },
  'machine-name': { type: 'string' },
  platform: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS = {
  login: {
    options: { ...COMMON, server: { type: 'string' }, 'client-id': { type: 'string' } },
    help: `Usage: seatwise-desktop login [--server <url>] [--client-id <id>]

Prints a code and the page to enter it on, then waits until the person approves it in Seatwise
(polling as often as the server allows) and stores the tokens (mode 0600).
  --server <url>      Seatwise's address (default: $SEATWISE_URL)
  --client-id <id>    The product's OAuth client id from the Vendor console (default: $SEATWISE_CLIENT_ID)`,
  },
  checkout: {
    options: { ...COMMON, ...MACHINE, network: { type: 'boolean', default: false } },
    help: `Usage: seatwise-desktop checkout [--product <code>] [--version <v>] [--network] [machine options]

Asks Seatwise for a lease of the product at this version on this machine, with the stored sign-in
(refreshed when it has expired), checks it against the server's keys and stores both.
  --product <code>        The product's code (default: $SEATWISE_PRODUCT)
  --version <v>           The version running (default: $SEATWISE_PRODUCT_VERSION)
  --network               A seat of the account's network licence instead of the person's own seat
  --fingerprint <id>      This machine's fingerprint (default: a hash of the system's machine id)
  --machine-name <name>   (default: the host name)    --platform <p>   (default: e.g. linux-x64)`,
  },
  heartbeat: {
    options: COMMON,
    help: `Usage: seatwise-desktop heartbeat

A network lease: the heartbeat that keeps the seat (send one every heartbeatSeconds; with none for
two intervals the seat frees itself). A named-user lease: checked out again, renewed for the same
product, version and machine.`,
  },
  release: {
    options: COMMON,
    help: `Usage: seatwise-desktop release

A network lease is checked in: its seat is free at once. A named-user lease is forgotten here; the
machine counts against the person's device limit until they release it in their Seatwise profile.`,
  },
  verify: {
    options: { ...COMMON, fingerprint: { type: 'string' }, at: { type: 'string' } },
    help: `Usage: seatwise-desktop verify [--at <time>]

Checks the stored lease with no network: its EdDSA signature against the keys cached at checkout
(/.well-known/jwks.json), its expiry and offline grace period, this machine, the signed-in person.
  --at <time>          Check for another moment (ISO 8601, e.g. 2027-01-15T09:00:00Z)
  --fingerprint <id>   This machine's fingerprint, if checkout was given one`,
  },
  logout: {
    options: COMMON,
    help: `Usage: seatwise-desktop logout

Revokes the refresh token at Seatwise and forgets the tokens. The stored lease stays until it expires.`,
  },
} as const;

type Command = keyof typeof COMMANDS;

const isCommand = (name: string | undefined): name is Command => !!name && Object.hasOwn(COMMANDS, name);

function required(value: string | undefined, flag: string, env: string): string {
  if (value?.trim()) return value.trim();
  throw new CliError(ExitCode.USAGE, `Give ${flag} or set ${env}.`);
}

const leaseLine = (lease: StoredLease) =>
  lease.kind === 'network'
    ? `network lease ${lease.leaseId} of ${lease.product} ${lease.version} on ${lease.machine.name}: valid until ${formatTime(new Date(lease.expiresAt))}; send a heartbeat every ${lease.heartbeatSeconds} s`
    : `lease of ${lease.product} ${lease.version} on ${lease.machine.name}: valid until ${formatTime(new Date(lease.expiresAt))}, offline until ${formatTime(new Date(lease.graceUntil!))}`;

/** What a lease looks like in `--json` output: everything but the signed lease itself. */
const leaseJson = (lease: StoredLease) => ({
  kind: lease.kind,
  product: lease.product,
  version: lease.version,
  machine: lease.machine,
  leaseId: lease.leaseId,
  deviceId: lease.deviceId,
  expiresAt: lease.expiresAt,
  graceUntil: lease.graceUntil,
  heartbeatSeconds: lease.heartbeatSeconds,
});

async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? ExitCode.OK : ExitCode.USAGE;
  }
  if (!isCommand(name)) throw new CliError(ExitCode.USAGE, `Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')} (see --help).`);
  const command = COMMANDS[name];
  let values: Record<string, string | boolean | undefined>;
  try {
    const options: ParseArgsConfig['options'] = command.options;
    ({ values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false }) as { values: typeof values });
  } catch (error) {
    throw new CliError(ExitCode.USAGE, `${(error as Error).message}\n\n${command.help}`);
  }
  if (values.help) {
    console.log(command.help);
    return ExitCode.OK;
  }
  const json = values.json === true;
  const say = (text: string, data: Record<string, unknown>) => console.log(json ? JSON.stringify(data) : text);
  const store = new Store(typeof values['config-dir'] === 'string' ? values['config-dir'] : defaultConfigDir(env));
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);

  switch (name) {
    case 'login': {
      const server = required(text('server') ?? env.SEATWISE_URL, '--server', 'SEATWISE_URL');
      const clientId = required(text('client-id') ?? env.SEATWISE_CLIENT_ID, '--client-id', 'SEATWISE_CLIENT_ID');
      const session = await deviceLogin(server, clientId, (code) => {
        if (json) {
          console.log(JSON.stringify({ userCode: code.userCode, verificationUri: code.verificationUri, verificationUriComplete: code.verificationUriComplete, expiresIn: code.expiresIn }));
          return;
        }
        console.log(`To sign in, open ${code.verificationUri} on any device and enter the code ${code.userCode}`);
        if (code.verificationUriComplete) console.log(`(or open ${code.verificationUriComplete}, the code filled in)`);
        console.log(`The code is valid for ${Math.round(code.expiresIn / 60)} minutes. Waiting for approval...`);
      });
      store.saveSession(session);
      say(`Signed in as ${session.name || session.email} <${session.email}> (account: ${session.accountName || session.accountId})`, {
        signedIn: true,
        email: session.email,
        name: session.name,
        accountId: session.accountId,
        accountName: session.accountName,
      });
      return ExitCode.OK;
    }
    case 'checkout': {
      const product = required(text('product') ?? env.SEATWISE_PRODUCT, '--product', 'SEATWISE_PRODUCT');
      const version = required(text('version') ?? env.SEATWISE_PRODUCT_VERSION, '--version', 'SEATWISE_PRODUCT_VERSION');
      const machine = thisMachine(store, product, { fingerprint: text('fingerprint'), name: text('machine-name'), platform: text('platform') });
      // One lease at a time: a network seat held before is given back first, so it is not left taken.
      const before = store.lease();
      if (before?.kind === 'network' && (!values.network || before.product !== product || before.machine.fingerprint !== machine.fingerprint)) {
        await release(store).catch((error: unknown) => {
          if (!(error instanceof RefusedError)) throw error;
        });
      }
      const lease = values.network ? await checkoutNetwork(store, { product, version, machine }) : await checkoutNamed(store, { product, version, machine });
      say(`Checked out: ${leaseLine(lease)}.`, { checkedOut: true, ...leaseJson(lease) });
      return ExitCode.OK;
    }
    case 'heartbeat': {
      const lease = await heartbeat(store);
      say(`Renewed: ${leaseLine(lease)}.`, { renewed: true, ...leaseJson(lease) });
      return ExitCode.OK;
    }
    case 'release': {
      const { lease, endedAt } = await release(store);
      if (endedAt) say(`Checked in: the network seat of ${lease.product} is free again (${formatTime(new Date(endedAt))}).`, { released: true, endedAt, ...leaseJson(lease) });
      else {
        say(
          `Forgot the lease of ${lease.product} here. ${lease.machine.name} still counts against your device limit until you release it in your Seatwise profile (Devices).`,
          { released: false, forgotten: true, ...leaseJson(lease) },
        );
      }
      return ExitCode.OK;
    }
    case 'verify': {
      const lease = storedLease(store);
      const jwks = store.jwks();
      if (!jwks) throw new CliError(ExitCode.INVALID_LEASE, 'No keys are cached to check the lease with: run `checkout` while online.');
      let at: Date | undefined;
      if (text('at') !== undefined) {
        at = new Date(text('at')!);
        if (Number.isNaN(at.getTime())) throw new CliError(ExitCode.USAGE, `--at "${text('at')}" is not a time: write it as ISO 8601, e.g. 2027-01-15T09:00:00Z.`);
      }
      const fingerprint = text('fingerprint') ?? thisMachine(store, lease.product).fingerprint;
      const verified = await verifyLease(lease, jwks, { at, machine: fingerprint, session: store.session() });
      const base = `${lease.product} ${lease.version} on ${lease.machine.name}`;
      say(
        verified.status === 'valid'
          ? `Lease valid: ${base} until ${formatTime(verified.expiresAt)}${verified.graceUntil ? `, offline until ${formatTime(verified.graceUntil)}` : ''}.`
          : `Lease in its offline grace period: ${base} expired on ${formatTime(verified.expiresAt)}; it works offline until ${formatTime(verified.graceUntil!)}. Connect to Seatwise and run \`checkout\`.`,
        { ...leaseJson(lease), valid: true, status: verified.status, expiresAt: verified.expiresAt.toISOString(), graceUntil: verified.graceUntil?.toISOString() ?? null },
      );
      return ExitCode.OK;
    }
    case 'logout': {
      const was = await logout(store);
      say(was ? 'Signed out: the product is disconnected from Seatwise.' : 'Not signed in.', { signedOut: was });
      return ExitCode.OK;
    }
  }
}

/** Runs the command line and exits: a CliError is one sentence on stderr and its exit code. */
async function main() {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      process.exitCode = error.exitCode;
    } else {
      console.error(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = ExitCode.FAILED;
    }
  }
}

await main();
