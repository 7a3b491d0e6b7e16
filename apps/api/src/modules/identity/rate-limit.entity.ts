import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Counters of rate-limiter-flexible (failed sign-ins per account and per IP, reset requests), kept
 * in the database so every API instance sees the same counts. The library reads and writes the
 * table itself; this entity only declares it, so migrations create it with the columns the
 * library expects: `expire` is epoch milliseconds.
 */
@Entity({ tableName: 'rate_limits' })
export class RateLimitCounter {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points!: number;

  @Property({ type: 'bigint', nullable: true })
  expire: string | null = null;
}
