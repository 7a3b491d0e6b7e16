import { Entity, Enum, Filter, Index, ManyToOne, Property } from '@mikro-orm/core';
import { SupportMessageAuthor } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';
import { SupportRequest } from './support-request.entity.js';

/** One message of a support request's thread: the customer's description and messages, the vendor's replies. */
@Entity({ tableName: 'support_messages' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'request', 'createdAt'] })
export class SupportMessage extends TenantEntity {
  @ManyToOne(() => SupportRequest, { deleteRule: 'cascade', index: false })
  request!: SupportRequest;

  @Enum({ items: () => SupportMessageAuthor, type: 'string', length: 20 })
  author!: SupportMessageAuthor;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  writtenBy: User | null = null;

  @Property({ type: 'text' })
  body!: string;
}
