import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';

/** Whose turn it is: support's (open), the customer's (answered), or nobody's (closed). */
export enum SupportRequestStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}

export enum SupportCategory {
  LICENSING = 'LICENSING',
  DOWNLOADS = 'DOWNLOADS',
  ACCOUNT = 'ACCOUNT',
  BILLING = 'BILLING',
  TECHNICAL = 'TECHNICAL',
  OTHER = 'OTHER',
}

/** A question an admin sent to the vendor's support; the home page lists the open ones. */
@Entity({ tableName: 'support_requests' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'status', 'createdAt'] })
// The vendor's inbox reads across accounts, by status and latest activity.
@Index({ properties: ['status', 'lastActivityAt'] })
export class SupportRequest extends TenantEntity {
  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Enum({ items: () => SupportRequestStatus, type: 'string', length: 20 })
  status: SupportRequestStatus & Opt = SupportRequestStatus.OPEN;

  @Enum({ items: () => SupportCategory, type: 'string', length: 20 })
  category: SupportCategory & Opt = SupportCategory.OTHER;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  openedBy: User | null = null;

  /** When it was opened, answered, closed or reopened: the inbox and the home card sort by it. */
  @Property({ type: 'datetime' })
  lastActivityAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}
