import {
  LicenceType,
  MembershipStatus,
  SubscriptionTerm,
  SubscriptionStatus,
  type CloudCreditBalance,
  type CloudUsageByUser,
  type SeatDistribution,
  type SeatUsageByProduct,
  type SeatUsageByUser,
  type Subscription,
  type User,
} from '@seatwise/schema';
import { type Message, msg } from '../../i18n/messages.js';
import type { Column } from './table-writer.js';
import { roleName } from '../users/role-names.js';

/**
 * The columns of every report file, for the download buttons (`http/exports.route.ts`) and the
 * scheduled exports (`export-runs.ts`) alike: headings from the catalogues, enum values as the SPA
 * words them.
 */

const user = (row: { user: { name: string; email: string } }) => row.user;

/** The words for enum values, as the SPA shows them: a file says "Expired", "Potekla", never EXPIRED. */
export const statusLabels: Record<SubscriptionStatus, Message> = {
  [SubscriptionStatus.ACTIVE]: msg('Active'),
  [SubscriptionStatus.EXPIRING]: msg('Expiring'),
  [SubscriptionStatus.EXPIRED]: msg('Expired'),
  [SubscriptionStatus.CANCELLED]: msg('Cancelled'),
};
const termLabels: Record<SubscriptionTerm, Message> = {
  [SubscriptionTerm.MONTHLY]: msg('Monthly'),
  [SubscriptionTerm.ANNUAL]: msg('Annual'),
  [SubscriptionTerm.THREE_YEAR]: msg('3 years'),
};
const licenceLabels: Record<LicenceType, Message> = {
  [LicenceType.SINGLE_USER]: msg('Single-user'),
  [LicenceType.MULTI_USER]: msg('Multi-user'),
  [LicenceType.NETWORK]: msg('Network'),
  [LicenceType.CLOUD]: msg('Cloud (Flex)'),
};

export const subscriptionColumns: Column<Subscription>[] = [
  { heading: msg('Subscription'), value: (row) => row.name },
  { heading: msg('Serial number'), value: (row) => row.serialNumber },
  { heading: msg('Contract'), value: (row) => row.contract.number },
  { heading: msg('Status'), value: (row) => statusLabels[row.status] },
  { heading: msg('Days to renewal'), value: (row) => row.daysToRenewal },
  { heading: msg('Term'), value: (row) => termLabels[row.term] },
  { heading: msg('Licence type'), value: (row) => licenceLabels[row.licenceType] },
  { heading: msg('Starts'), value: (row) => row.startsOn, kind: 'date' },
  { heading: msg('Renewal date'), value: (row) => row.endsOn, kind: 'date' },
  { heading: msg('Seats used'), value: (row) => row.seatsUsed },
  { heading: msg('Seats total'), value: (row) => row.seatsTotal },
  { heading: msg('Team'), value: (row) => row.team?.name ?? '' },
];

export type ProductLine = Subscription['products'][number] & { subscription: Subscription };
export const productColumns: Column<ProductLine>[] = [
  { heading: msg('Product'), value: (row) => row.product.name },
  { heading: msg('Code'), value: (row) => row.product.code },
  { heading: msg('Subscription'), value: (row) => row.subscription.name },
  { heading: msg('Serial number'), value: (row) => row.subscription.serialNumber },
  { heading: msg('Licence type'), value: (row) => licenceLabels[row.subscription.licenceType] },
  { heading: msg('Renewal date'), value: (row) => row.subscription.endsOn, kind: 'date' },
  { heading: msg('Seats used'), value: (row) => row.seatsUsed },
  { heading: msg('Seats total'), value: (row) => row.seatsTotal },
];

export const insightColumns: Column<SeatDistribution>[] = [
  { heading: msg('Team'), value: (row) => row.team?.name ?? '' },
  { heading: msg('Product'), value: (row) => row.product.name },
  { heading: msg('Purchased'), value: (row) => row.purchased },
  { heading: msg('Assigned'), value: (row) => row.assigned },
  { heading: msg('Unassigned'), value: (row) => row.unassigned },
];

export const seatUserColumns: Column<SeatUsageByUser>[] = [
  { heading: msg('Name'), value: (row) => user(row).name },
  { heading: msg('Email'), value: (row) => user(row).email },
  { heading: msg('Subscription'), value: (row) => row.subscription.name },
  { heading: msg('Assigned on'), value: (row) => row.assignedOn, kind: 'date' },
  { heading: msg('Last used'), value: (row) => row.lastUsedOn, kind: 'date' },
  { heading: msg('Days used'), value: (row) => row.daysUsed },
  { heading: msg('Minutes'), value: (row) => row.minutes },
  { heading: msg('Days idle'), value: (row) => row.idleDays },
];

export const seatProductColumns: Column<SeatUsageByProduct>[] = [
  { heading: msg('Product'), value: (row) => row.product.name },
  { heading: msg('Seats total'), value: (row) => row.seatsTotal },
  { heading: msg('Assigned'), value: (row) => row.seatsAssigned },
  { heading: msg('Unassigned'), value: (row) => row.seatsUnassigned },
  { heading: msg('Active users'), value: (row) => row.activeUsers },
  { heading: msg('Days used'), value: (row) => row.daysUsed },
  { heading: msg('Minutes'), value: (row) => row.minutes },
];

export const balanceColumns: Column<CloudCreditBalance>[] = [
  { heading: msg('Subscription'), value: (row) => row.subscription.name },
  { heading: msg('Serial number'), value: (row) => row.subscription.serialNumber },
  { heading: msg('Contract'), value: (row) => row.contract.number },
  { heading: msg('Purchased'), value: (row) => row.purchased },
  { heading: msg('Consumed'), value: (row) => row.consumed },
  { heading: msg('Remaining'), value: (row) => row.remaining },
  { heading: msg('Consumed in period'), value: (row) => row.consumedInRange },
];

export type CloudUserLine = CloudUsageByUser['services'][number] & { owner: CloudUsageByUser };
export const cloudUserColumns: Column<CloudUserLine>[] = [
  { heading: msg('Name'), value: (row) => row.owner.user.name },
  { heading: msg('Email'), value: (row) => row.owner.user.email },
  { heading: msg('Service'), value: (row) => row.service },
  { heading: msg('Credits'), value: (row) => row.credits },
  { heading: msg('Last used'), value: (row) => row.owner.lastUsedOn, kind: 'date' },
];

const personStatusLabels: Record<MembershipStatus, Message> = {
  [MembershipStatus.ACTIVE]: msg('Person status: Active'),
  [MembershipStatus.INVITED]: msg('Person status: Invited'),
  [MembershipStatus.INACTIVE]: msg('Person status: Inactive'),
};

export const userColumns: Column<User>[] = [
  { heading: msg('Name'), value: (row) => row.name },
  { heading: msg('Email'), value: (row) => row.email },
  { heading: msg('Role'), value: (row) => roleName(row.role) },
  { heading: msg('Status'), value: (row) => personStatusLabels[row.status] },
  { heading: msg('Team'), value: (row) => row.team?.name ?? '' },
  { heading: msg('Seats'), value: (row) => row.seatCount },
  { heading: msg('Last sign-in'), value: (row) => row.lastSignInAt?.toISOString().slice(0, 10) ?? null, kind: 'date' },
  { heading: msg('Joined on'), value: (row) => row.joinedAt.toISOString().slice(0, 10), kind: 'date' },
];

