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

  /**
   * Up to `limit` messages older than the message `before` (all when omitted), newest first, and how
   * many are kept; with `search`, only those whose recipient, subject or text holds it (any case),
   * and how many do.
   */
  async page(limit: number, before?: string, search?: string | null): Promise<{ messages: OutboxMessage[]; totalCount: number }> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter(isMessageFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { messages: [], totalCount: 0 };
      throw error;
    }
    const read = (name: string) => readFile(join(this.dir, name), 'utf8').then((text) => JSON.parse(text) as OutboxMessage);
    const sorted = names.sort().reverse();
    const needle = search?.trim().toLocaleLowerCase();
    if (needle) {
      // Demo mode's folder is small: every message is read to be searched.
      const matching = (await Promise.all(sorted.map(read))).filter((message) =>
        [message.to, message.subject ?? '', message.text].some((field) => field.toLocaleLowerCase().includes(needle)),
      );
      const after = matching.filter((message) => before === undefined || message.id < before);
      return { messages: after.slice(0, limit), totalCount: matching.length };
    }
    const newest = sorted.filter((name) => before === undefined || name < `${before}.json`).slice(0, limit);
    return { messages: await Promise.all(newest.map(read)), totalCount: names.length };
  }
}
