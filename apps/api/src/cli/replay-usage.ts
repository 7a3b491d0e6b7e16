import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_BATCH } from '../modules/usage/usage-batch.schema.js';

/**
 * `npm run usage:replay -- --file events.json [--url http://localhost:4000]`: sends a file of usage
 * events (a JSON array, `{ "events": [...] }`, or one JSON event per line) to POST /api/usage-events
 * in batches of 10,000 and prints what each batch did. Authenticates with SEATWISE_TOKEN (sent as
 * `Authorization: Bearer`) or signs in with SEATWISE_EMAIL and SEATWISE_PASSWORD.
 */
export interface ReplayOptions {
  url: string;
  events: unknown[];
  token?: string;
  email?: string;
  password?: string;
  log?: (line: string) => void;
}

export interface ReplayTotals {
  batches: number;
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export function readEvents(text: string): unknown[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  if (trimmed.startsWith('{') && !trimmed.includes('\n')) {
    const parsed = JSON.parse(trimmed) as { events?: unknown[] };
    return parsed.events ?? [parsed];
  }
  try {
    const parsed = JSON.parse(trimmed) as { events?: unknown[] };
    if (Array.isArray(parsed.events)) return parsed.events;
  } catch {
    // One event per line.
  }
  return trimmed.split('\n').filter((line) => line.trim()).map((line, index) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new Error(`Line ${index + 1} is not valid JSON.`);
    }
  });
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } } }',
      variables: { input: { email, password } },
    }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`Sign-in failed: ${body.errors[0]!.message}`);
  const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
  if (!cookie) throw new Error('Sign-in returned no session cookie.');
  return cookie;
}

export async function replayEvents(options: ReplayOptions): Promise<ReplayTotals> {
  const log = options.log ?? console.log;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  else if (options.email && options.password) headers.cookie = await signIn(options.url, options.email, options.password);
  else throw new Error('Set SEATWISE_TOKEN, or SEATWISE_EMAIL and SEATWISE_PASSWORD.');

  const totals: ReplayTotals = { batches: 0, received: 0, accepted: 0, duplicates: 0, rejected: 0 };
  for (let from = 0; from < options.events.length; from += MAX_BATCH) {
    const events = options.events.slice(from, from + MAX_BATCH);
    const response = await fetch(`${options.url}/api/usage-events`, { method: 'POST', headers, body: JSON.stringify({ events }) });
    const body = (await response.json()) as {
      error?: { message: string; field?: string };
      received: number;
      accepted: number;
      duplicates: number;
      rejected: { index: number; eventId: string; field: string; message: string }[];
    };
    if (!response.ok) {
      throw new Error(`Batch from event ${from + 1}: HTTP ${response.status}: ${body.error?.message ?? 'failed'}`);
    }
    totals.batches += 1;
    totals.received += body.received;
    totals.accepted += body.accepted;
    totals.duplicates += body.duplicates;
    totals.rejected += body.rejected.length;
    log(`batch ${totals.batches}: ${body.accepted} stored, ${body.duplicates} duplicates, ${body.rejected.length} rejected`);
    for (const item of body.rejected.slice(0, 20)) log(`  event ${from + item.index + 1} (${item.eventId}): ${item.field} ${item.message}`);
  }
  log(`done: ${totals.received} events in ${totals.batches} batches; ${totals.accepted} stored, ${totals.duplicates} duplicates, ${totals.rejected} rejected`);
  return totals;
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = argValue('--file');
  if (!file) {
    console.error('Usage: npm run usage:replay -- --file events.json [--url http://localhost:4000]');
    process.exit(2);
  }
  try {
    await replayEvents({
      url: (argValue('--url') ?? 'http://localhost:4000').replace(/\/$/, ''),
      events: readEvents(readFileSync(file, 'utf8')),
      token: process.env.SEATWISE_TOKEN,
      email: process.env.SEATWISE_EMAIL,
      password: process.env.SEATWISE_PASSWORD,
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
