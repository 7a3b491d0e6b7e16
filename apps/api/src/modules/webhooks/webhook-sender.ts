import { Webhook } from 'standardwebhooks';

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

/** Reads at most `limit` bytes of the body, then lets the rest go. */
async function excerptOf(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks).subarray(0, limit));
  // A character cut in half at the limit decodes as U+FFFD: drop it.
  return text.replace(/\uFFFD$/, '').slice(0, limit);
}

/**
 * Signs `body` as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256>` with the `whsec_` secret) and posts it once: no
 * redirects followed (a 3xx is a failure), a timeout on the whole request.
 */
export async function sendWebhook(url: string, secret: string, messageId: string, body: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SendResult> {
  // The wall clock, not a test's moved one: receivers check the timestamp against theirs.
  const sentAt = new Date();
  const signature = new Webhook(secret).sign(messageId, sentAt, body);
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Seatwise-Webhooks/1.0',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
    });
    const excerpt = await excerptOf(response, EXCERPT_BYTES);
    return { statusCode: response.status, succeeded: response.status >= 200 && response.status < 300, error: null, excerpt, durationMs: Math.round(performance.now() - started) };
  } catch (failure) {
    const timedOut = failure instanceof Error && (failure.name === 'TimeoutError' || failure.name === 'AbortError');
    const cause = failure instanceof Error && failure.cause instanceof Error ? (failure.cause as NodeJS.ErrnoException).code ?? failure.cause.message : null;
    const error = timedOut ? `timed out after ${timeoutMs} ms` : `no answer${cause ? ` (${cause})` : ''}`;
    return { statusCode: null, succeeded: false, error: error.slice(0, 200), excerpt: '', durationMs: Math.round(performance.now() - started) };
  }
}
