import { Entity, ManyToOne, PrimaryKey } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity.js';

/**
 * A row of a usage roll-up (see rollups.ts): a bigint key, as there are millions, and the account
 * it belongs to. Every roll-up's unique key leads with the account, so the account needs no index
 * of its own.
 */
@Entity({ abstract: true })
export abstract class RollupRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Account, { deleteRule: 'cascade', index: false })
  account!: Account;
}
