import type { Logger } from '../../logger.js';

/**
 * One worker loop over a table (the event bus's deliveries, the job queue's jobs): runs `poll`
 * again at once while it finds work, then every `pollMs`; `stop` waits for the poll in hand.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  /** True while the loop's own poll is running. */
  private polling = false;
  /** A wake-up that came during a poll: poll again right after it. */
  private woken = false;

  constructor(
    private readonly poll: () => Promise<boolean>,
    private readonly pollMs: number,
    private readonly logger: Logger,
    private readonly failure: string,
  ) {}

  /** True while the loop has a poll in hand. */
  get busy(): boolean {
    return this.polling;
  }

  /** True from `start` until `stop`. */
  get started(): boolean {
    return !this.stopped;
  }

  /** Settles when the poll in hand (if any) has. */
  get current(): Promise<unknown> {
    return this.running;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Polls now rather than at the next tick. */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.woken = true;
    } else if (this.timer) {
      clearTimeout(this.timer);
      this.schedule(0);
    }
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = true;
      this.running = this.poll()
        .catch((error: unknown) => {
          this.logger.error({ err: error }, this.failure);
          return false;
        })
        .then((worked) => {
          this.polling = false;
          const again = worked || this.woken;
          this.woken = false;
          this.schedule(again ? 0 : this.pollMs);
        });
    }, delay);
  }
}
