import { Collection, Entity, Filter, Index, ManyToOne, OneToMany, type Opt, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { Team } from '../teams/team.entity.js';
import type { Subscription } from './subscription.entity.js';

/** An agreement with the vendor under which one or more subscriptions are bought. */
@Entity({ tableName: 'contracts' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'number'] })
@Index({ properties: ['account', 'team'] })
export class Contract extends TenantEntity {
  @Property({ type: 'string', length: 40 })
  number!: string;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  @ManyToOne(() => Team, { nullable: true, deleteRule: 'set null', index: false })
  team: Team | null = null;

  @OneToMany('Subscription', 'contract')
  subscriptions = new Collection<Subscription>(this);

  /** Raised by every change of the contract or its subscriptions. */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;
}
