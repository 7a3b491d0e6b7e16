import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Role } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';
import { Team } from '../teams/team.entity.js';

/** How long an invitation link works after it is (re)sent. */
export const INVITATION_DAYS = 14;

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

/** An invitation to join an account, pending until the invitee accepts it through the emailed link. */
@Entity({ tableName: 'invitations' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'status', 'email'] })
@Index({ properties: ['account', 'team'] })
export class Invitation extends TenantEntity {
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Enum({ items: () => Role, type: 'string', length: 20 })
  role: Role & Opt = Role.USER;

  @ManyToOne(() => Team, { nullable: true, deleteRule: 'set null', index: false })
  team: Team | null = null;

  /** SHA-256 of the token in the emailed link. */
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @Enum({ items: () => InvitationStatus, type: 'string', length: 20 })
  status: InvitationStatus & Opt = InvitationStatus.PENDING;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  invitedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;
}
