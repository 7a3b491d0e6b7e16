import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { checkedLookup, hostOf, InternalAddressError, internalRange, refusalReason } from './webhook-address.js';

/** What one POST to an endpoint came back with. */
export interface SendResult {
  statusCode: number | null;
  succeeded: boolean;
  /** Why no answer came (timed out, refused); never the secret or the signature. */
  error: string | null;
  /** The first kilobyte of the answer body. */
  excerpt: string;
  durationMs: number;
}

export const EXCERPT_BYTES = 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Connections kept open between deliveries to the same endpoint (each was checked when it was opened). */
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 8 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 8 });

/** Reads at most `limit` bytes of the body, then lets the rest go. */
function excerptOf(response: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      response.removeAllListeners('data');
      const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks).subarray(0, limit));
      // A character cut in half at the limit decodes as U+FFFD: drop it.
      resolve(text.replace(/\uFFFD$/, '').slice(0, limit));
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= limit) {
        done();
        response.destroy();
      }
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}

/** How a delivery reaches its endpoint: only public addresses unless `allowPrivate` (webhook-address.ts). */
export interface SendOptions {
  timeoutMs?: number;
  allowPrivate?: boolean;
}

/**
 * Signs `body` as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256>` with the `whsec_` secret) and posts it once: no
 * redirects followed (a 3xx is a failure, so none leads to an internal address), a timeout on the
 * whole request. The host is resolved now and every address it resolves to must be public
 * (`checkedLookup`): the connection goes to the address that was checked, so a name rebound to an
 * internal address since the endpoint was saved is refused, and the attempt fails with the reason.
 */
export async function sendWebhook(url: string, secret: string, messageId: string, body: string, options: SendOptions = {}): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const allowPrivate = options.allowPrivate ?? false;
  // The wall clock, not a test's moved one: receivers check the timestamp against theirs.
  const sentAt = new Date();
  const signature = new Webhook(secret).sign(messageId, sentAt, body);
  const started = performance.now();
  const failed = (error: string): SendResult => ({ statusCode: null, succeeded: false, error: error.slice(0, 200), excerpt: '', durationMs: Math.round(performance.now() - started) });
  const target = new URL(url);
  // An address in the URL itself is not looked up: it is checked here.
  const host = hostOf(target);
  const literal = internalRange(host, allowPrivate);
  if (literal) return failed(refusalReason(host, host, literal));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const req = send(
      target,
      {
        method: 'POST',
        lookup: checkedLookup(allowPrivate),
        agent: target.protocol === 'https:' ? httpsAgent : httpAgent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Seatwise-Webhooks/1.0',
          'webhook-id': messageId,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        void excerptOf(response, EXCERPT_BYTES).then((excerpt) =>
          resolve({ statusCode, succeeded: statusCode >= 200 && statusCode < 300, error: null, excerpt, durationMs: Math.round(performance.now() - started) }),
        );
      },
    );
    req.on('error', (failure: NodeJS.ErrnoException) => {
      if (failure instanceof InternalAddressError) return resolve(failed(failure.message));
      const timedOut = failure.name === 'TimeoutError' || failure.name === 'AbortError';
      resolve(failed(timedOut ? `timed out after ${timeoutMs} ms` : `no answer${failure.code ? ` (${failure.code})` : ''}`));
    });
    req.end(body);
  });
}
