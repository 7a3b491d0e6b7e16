import { randomUUID } from 'node:crypto';
import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The tenant: an organisation that owns contracts, subscriptions and seats. */
@Entity({ tableName: 'accounts' })
export class Account {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Days in reports are counted in this zone. */
  @Property({ type: 'string', length: 64 })
  timeZone: string & Opt = 'Europe/Ljubljana';

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
