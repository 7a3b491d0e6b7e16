import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One message kept in the outbox folder instead of being sent (no SMTP relay or SMS provider). */
export interface OutboxMessage {
  id: string;
  channel: 'EMAIL' | 'SMS';
  to: string;
  subject: string | null;
  text: string;
  sentAt: string;
}

const isMessageFile = (name: string) => name.endsWith('.json');

/**
 * Files under `<data>/outbox/`: `<id>.json` with what the Outbox page shows and, for mail, the
 * full RFC 5322 message as `<id>.eml` (opens in any mail program). Ids sort by time.
 */
export class Outbox {
  /** Orders messages written within the same millisecond. */
  private sequence = 0;

  constructor(readonly dir: string) {}

  async write(message: Omit<OutboxMessage, 'id' | 'sentAt'>, raw?: Buffer): Promise<OutboxMessage> {
    await mkdir(this.dir, { recursive: true });
    const sentAt = new Date();
    this.sequence = (this.sequence + 1) % 1_000_000;
    const stamp = sentAt.toISOString().replace(/[-:.]/g, '');
    const id = `${stamp}-${String(this.sequence).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
    const stored: OutboxMessage = { id, sentAt: sentAt.toISOString(), ...message };
    if (raw) await writeFile(join(this.dir, `${id}.eml`), raw);
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify(stored, null, 2));
    return stored;
  }

  /** Newest first. */
  async list(limit = 50): Promise<OutboxMessage[]> {
    return (await this.page(limit)).messages;
  }

  /** Up to `limit` messages older than the message `before` (all when omitted), newest first, and how many are kept. */
  async page(limit: number, before?: string): Promise<{ messages: OutboxMessage[]; totalCount: number }> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter(isMessageFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { messages: [], totalCount: 0 };
      throw error;
    }
    const newest = names
      .sort()
      .reverse()
      .filter((name) => before === undefined || name < `${before}.json`)
      .slice(0, limit);
    const messages = await Promise.all(newest.map(async (name) => JSON.parse(await readFile(join(this.dir, name), 'utf8')) as OutboxMessage));
    return { messages, totalCount: names.length };
  }
}
