import { Account } from '../modules/accounts/account.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { Product } from '../modules/catalog/product.entity.js';
import { ProductVersion } from '../modules/catalog/product-version.entity.js';
import { Session } from '../modules/identity/session.entity.js';
import { User } from '../modules/identity/user.entity.js';
import { SeatAssignment } from '../modules/seats/seat-assignment.entity.js';
import { Contract } from '../modules/subscriptions/contract.entity.js';
import { Subscription } from '../modules/subscriptions/subscription.entity.js';
import { SubscriptionProduct } from '../modules/subscriptions/subscription-product.entity.js';
import { Team } from '../modules/teams/team.entity.js';
import { CloudCreditEntry } from '../modules/usage/cloud-credit-entry.entity.js';
import { UsageDay } from '../modules/usage/usage-day.entity.js';
import { UsageEvent } from '../modules/usage/usage-event.entity.js';
import { SupportRequest } from '../modules/support/support-request.entity.js';
import { Invitation } from '../modules/users/invitation.entity.js';
import { Membership } from '../modules/users/membership.entity.js';
import { BaseEntity, TenantEntity } from './base.entity.js';

/** Every entity, listed once: no folder scanning, so the compiled and the TypeScript build agree. */
export const entities = [
  BaseEntity,
  TenantEntity,
  Account,
  User,
  Session,
  Membership,
  Invitation,
  Team,
  Product,
  ProductVersion,
  Contract,
  Subscription,
  SubscriptionProduct,
  SeatAssignment,
  UsageEvent,
  UsageDay,
  SupportRequest,
  CloudCreditEntry,
  AuditEntry,
];
