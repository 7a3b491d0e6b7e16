import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { type Role, SeatLedgerActor, SeatLedgerEvent, SeatLedgerReason } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from './subscription.entity.js';

/** What a MEMBER_REMOVE entry keeps for its undo: the membership as it was and the invitations the removal revoked. */
export interface RemovedMembership {
  role: Role;
  status: string;
  teamId: string | null;
  invitationIds: string[];
}

/**
 * The seat ledger: every seat assigned, unassigned or restored, and every removal of a person
 * (whose undo brings their seats back), with who or what did it. Written only by
 * `seat-ledger.service.ts`, from the places seats change (`seats.service.ts`, account deletion, the CSV
 * import); read by `seatLedger` and `undoSeatChange`.
 */
@Entity({ tableName: 'seat_ledger' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'createdAt', 'id'] })
@Index({ properties: ['account', 'actionId'] })
@Index({ properties: ['account', 'user'] })
export class SeatLedgerEntry extends TenantEntity {
  /** One per operation (a bulk unassign is one action); an undo by action reverses all its entries. */
  @Property({ type: 'uuid' })
  actionId!: string;

  @Enum({ items: () => SeatLedgerEvent, type: 'string', length: 16 })
  event!: SeatLedgerEvent;

  @Enum({ items: () => SeatLedgerReason, type: 'string', length: 20 })
  reason!: SeatLedgerReason;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  user: User | null = null;

  @ManyToOne(() => Subscription, { nullable: true, deleteRule: 'cascade', index: false })
  subscription: Subscription | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  subscriptionName: string | null = null;

  /** The assignment's id: a restore gives the seat back under the same id. */
  @Property({ type: 'uuid', nullable: true })
  seatId: string | null = null;

  @Property({ type: 'json', nullable: true })
  membership: (RemovedMembership & Opt) | null = null;

  @Enum({ items: () => SeatLedgerActor, type: 'string', length: 12 })
  actorKind!: SeatLedgerActor;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  actor: User | null = null;

  @Property({ type: 'uuid', nullable: true })
  tokenId: string | null = null;

  /** The reclaim policy that did it (actor POLICY); a plain id, so the entry outlives the policy. */
  @Property({ type: 'uuid', nullable: true })
  policyId: string | null = null;

  /** Set once, by the undo that reversed this entry (a conditional update: parallel undos restore once). */
  @Property({ type: 'datetime', nullable: true })
  undoneAt: Date | null = null;

  /** For RESTORE and MEMBER_RESTORE: the entry undone. */
  @Property({ type: 'uuid', nullable: true })
  restoresId: string | null = null;
}
