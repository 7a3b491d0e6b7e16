import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { ReclaimNoticeState } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';
import { ReclaimPolicy } from './reclaim-policy.entity.js';

/**
 * One notice of a policy for one seat: the grace period from `createdAt` to `reclaimAt`. Its unique
 * key (policy, seat, `idleSince`) is the claim that makes a job run twice, or on two instances,
 * announce a seat once; a "Keep my seat" moves the seat's clock (`keptAt`), so its next idle spell
 * is a new notice. The seat is kept as an id (`seatId`): the assignment row goes when it is reclaimed.
 */
@Entity({ tableName: 'reclaim_notices' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'policy', 'seatId', 'idleSince'] })
@Index({ properties: ['account', 'state', 'reclaimAt'] })
@Index({ properties: ['account', 'seatId'] })
export class ReclaimNotice extends TenantEntity {
  @ManyToOne(() => ReclaimPolicy, { deleteRule: 'cascade', index: false })
  policy!: ReclaimPolicy;

  @Property({ type: 'uuid' })
  seatId!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @Property({ type: 'uuid' })
  subscriptionId!: string;

  /** The account's day (days since 1970-01-01) the idle spell started: last use, assignment, or a keep. */
  @Property({ type: 'integer' })
  idleSince!: number;

  @Enum({ items: () => ReclaimNoticeState, type: 'string', length: 12 })
  state: ReclaimNoticeState & Opt = ReclaimNoticeState.PENDING;

  @Property({ type: 'datetime' })
  reclaimAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  resolvedAt: (Date & Opt) | null = null;

  /** When the holder chose "Keep my seat", and what they wrote. */
  @Property({ type: 'datetime', nullable: true })
  keptAt: (Date & Opt) | null = null;

  /** The account's day of `keptAt`: the seat's idle clock starts again from it. */
  @Property({ type: 'integer', nullable: true })
  keptDay: (number & Opt) | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  keepReason: (string & Opt) | null = null;

  /** The ledger entry of the reclaim (what an admin's undo reverses). */
  @Property({ type: 'uuid', nullable: true })
  ledgerEntryId: (string & Opt) | null = null;
}
