import { randomUUID } from 'node:crypto';
import { Entity, type Filter, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** Every row has a random UUID (safe to expose, no guessable sequence) and a creation time. */
@Entity({ abstract: true })
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}

export interface TenantFilterParams {
  accountId: string;
}

/**
 * Enabled by default on every tenant-owned entity. The request context sets `accountId` from the
 * session; a query run without it fails instead of returning another account's rows.
 */
export const tenantFilter: Parameters<typeof Filter>[0] = {
  name: 'tenant',
  cond: (args: TenantFilterParams) => ({ account: args.accountId }),
  default: true,
};
