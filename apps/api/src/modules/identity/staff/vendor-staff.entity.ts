import { Entity, Enum, OneToOne, type Opt } from '@mikro-orm/core';
import { VendorRole } from '@seatwise/schema';
import { BaseEntity } from '../../../db/base.entity.js';
import { User } from '../user.entity.js';

/**
 * A person on the vendor's staff. They sign in as a `User` (password, 2-step factor) but belong to
 * no customer account: no membership, no tenant. Not tenant-filtered.
 */
@Entity({ tableName: 'vendor_staff' })
export class VendorStaffMember extends BaseEntity {
  @OneToOne(() => User, { owner: true, deleteRule: 'cascade', unique: true })
  user!: User;

  @Enum({ items: () => VendorRole, type: 'string', length: 20 })
  role: VendorRole & Opt = VendorRole.OPERATOR;
}
