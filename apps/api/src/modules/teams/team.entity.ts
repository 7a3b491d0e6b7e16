import { Entity, Filter, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';

/** A group of an account's users and subscriptions. */
@Entity({ tableName: 'teams' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'name'] })
export class Team extends TenantEntity {
  @Property({ type: 'string', length: 100 })
  name!: string;
}
