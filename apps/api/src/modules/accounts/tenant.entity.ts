import { Entity, ManyToOne } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Account } from './account.entity.js';

/** A row that belongs to one account: it carries its own `account_id`, and indexes lead with it. */
@Entity({ abstract: true })
export abstract class TenantEntity extends BaseEntity {
  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Account;
}
