import {
  type Contract as ContractType,
  type ContractConnection,
  type RenewalMode,
  type SubscriptionConnection,
  type LicenceType,
  SortDirection,
  SubscriptionSortField,
  SubscriptionStatus,
  type Subscription as SubscriptionType,
  type SubscriptionsFilter,
  type SubscriptionsOrder,
  type SubscriptionTerm,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { requireId } from '../../common/ids.js';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { dayOfIso, isoDate } from '../../common/days.js';
import { containsPattern } from '../../common/like.js';
import { knexOf } from '../../common/sql.js';
import { accountDay } from '../accounts/account-day.js';
import { seatsUsedSql } from './seat-rules.js';
import { SubscriptionState } from './subscription.entity.js';
import { statusOf } from './subscription-rules.js';
const MAX_SEARCH_LENGTH = 100;

interface SubscriptionRow {
  id: string;
  name: string;
  serial_number: string;
  licence_type: LicenceType;
  term: SubscriptionTerm;
  seats: number;
  starts_on: string | Date;
  ends_on: string | Date;
  state: SubscriptionState;
  team_id: string | null;
  team_name: string | null;
  contract_id: string;
  contract_number: string;
  seats_used: number | string;
  renewal: RenewalMode;
  scheduled_seats: number | string | null;
  cancel_at_term_end: boolean | number;
  version: number | string;
}

interface ProductRow {
  subscription_id: string;
  id: string;
  code: string;
  name: string;
}

const statusRank: Record<SubscriptionStatus, number> = {
  [SubscriptionStatus.EXPIRING]: 0,
  [SubscriptionStatus.ACTIVE]: 1,
  [SubscriptionStatus.EXPIRED]: 2,
  [SubscriptionStatus.CANCELLED]: 3,
};

/**
 * The account's subscriptions with seats used, products and today's status, in two statements. An
 * account has tens of subscriptions, so status filter and sort (which depend on "today" in the
 * account's zone) run on the result; team and search narrow in SQL.
 */
export async function listSubscriptions(
  ctx: AccountContext,
  args: { filter?: SubscriptionsFilter | null; orderBy?: SubscriptionsOrder | null; contractId?: string; subscriptionId?: string },
): Promise<SubscriptionType[]> {
  const accountId = ctx.viewer.accountId;
  const { today } = await accountDay(ctx.em, accountId, ctx.config.now());
  const knex = knexOf(ctx.em);
  const query = knex('subscriptions as s')
    .join('contracts as c', 'c.id', 's.contract_id')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .where('s.account_id', accountId)
    .select(
      's.id', 's.name', 's.serial_number', 's.licence_type', 's.term', 's.seats', 's.starts_on', 's.ends_on', 's.state', 's.team_id',
      't.name as team_name', 'c.id as contract_id', 'c.number as contract_number',
      's.renewal', 's.scheduled_seats', 's.cancel_at_term_end', 's.version',
      knex.raw(`${seatsUsedSql('s')} as seats_used`),
    );
  if (args.contractId) query.andWhere('s.contract_id', args.contractId);
  if (args.subscriptionId) query.andWhere('s.id', args.subscriptionId);
  if (args.filter?.teamId) query.andWhere('s.team_id', requireId(args.filter.teamId, 'Team', 'filter.teamId'));
  const search = args.filter?.search?.trim() ?? '';
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new InvalidInputError('filter.search', msg('Search text can be at most {max} characters.', { max: MAX_SEARCH_LENGTH }));
  }
  for (const word of search.toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = containsPattern(word);
    query.andWhere((inner) => {
      inner
        .whereRaw("lower(s.name) like ? escape '\\'", [pattern])
        .orWhereRaw("lower(s.serial_number) like ? escape '\\'", [pattern])
        .orWhereRaw("lower(c.number) like ? escape '\\'", [pattern])
        .orWhereRaw(
          `exists (select 1 from subscription_products sp join products p on p.id = sp.product_id
            where sp.account_id = s.account_id and sp.subscription_id = s.id and lower(p.name) like ? escape '\\')`,
          [pattern],
        );
    });
  }
  const rows: SubscriptionRow[] = await query;
  const products = await productsOf(ctx, rows.map((row) => row.id));
  let subscriptions = rows.map((row) => toSubscription(row, today, products.get(row.id) ?? []));
  if (args.filter?.statuses?.length) {
    const wanted = new Set(args.filter.statuses);
    subscriptions = subscriptions.filter((subscription) => wanted.has(subscription.status));
  }
  return sortSubscriptions(subscriptions, args.orderBy);
}

async function productsOf(ctx: AccountContext, subscriptionIds: string[]): Promise<Map<string, ProductRow[]>> {
  const byId = new Map<string, ProductRow[]>();
  if (!subscriptionIds.length) return byId;
  const rows: ProductRow[] = await knexOf(ctx.em)('subscription_products as sp')
    .join('products as p', 'p.id', 'sp.product_id')
    .where('sp.account_id', ctx.viewer.accountId)
    .whereIn('sp.subscription_id', subscriptionIds)
    .orderBy('p.name')
    .select('sp.subscription_id', 'p.id', 'p.code', 'p.name');
  for (const row of rows) byId.set(row.subscription_id, [...(byId.get(row.subscription_id) ?? []), row]);
  return byId;
}

/** The sort key of a subscription for an order: the field's value, then the name, then the id. */
function sortKeyOf(orderBy?: SubscriptionsOrder | null) {
  const field = orderBy?.field ?? SubscriptionSortField.RENEWAL;
  const key = (subscription: SubscriptionType): number | string => {
    switch (field) {
      case SubscriptionSortField.NAME:
        return subscription.name.toLowerCase();
      case SubscriptionSortField.STATUS:
        return statusRank[subscription.status] * 100_000 + subscription.daysToRenewal;
      case SubscriptionSortField.SEATS:
        return subscription.seatsTotal;
      default:
        return subscription.endsOn;
    }
  };
  return (subscription: SubscriptionType): SortKey => [key(subscription), subscription.name, subscription.id];
}

type SortKey = [number | string, string, string];

const compareKeys = (a: SortKey, b: SortKey) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1].localeCompare(b[1]) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);

function sortSubscriptions(subscriptions: SubscriptionType[], orderBy?: SubscriptionsOrder | null) {
  const sign = orderBy?.direction === SortDirection.DESC ? -1 : 1;
  const keyOf = sortKeyOf(orderBy);
  return [...subscriptions].sort((a, b) => compareKeys(keyOf(a), keyOf(b)) * sign);
}

/**
 * A page of a list sorted in memory (an account has tens of subscriptions and contracts; status
 * and sort depend on the account's today): the rows after the cursor's key in the same order.
 */
function pageOf<T>(sorted: T[], keyOf: (item: T) => SortKey, sign: number, first?: number | null, after?: string | null) {
  const limit = pageSize(first);
  let start = 0;
  if (after) {
    const cursor = decodeCursor(after);
    let key: SortKey;
    try {
      const value: unknown = JSON.parse(String(cursor.sortValue));
      if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'string') throw new Error('not a key');
      key = [value[0] as number | string, value[1], cursor.id];
    } catch {
      throw new InvalidInputError('after', msg('after is not a cursor of this list: pass an endCursor you received.'));
    }
    start = sorted.findIndex((item) => compareKeys(keyOf(item), key) * sign > 0);
    if (start < 0) start = sorted.length;
  }
  const cursorOf = (item: T) => {
    const [value, name, id] = keyOf(item);
    return encodeCursor(JSON.stringify([value, name]), id);
  };
  return connectionOf(sorted.slice(start, start + limit + 1), { limit, after, totalCount: sorted.length }, cursorOf, (item) => item);
}

/** "Subscriptions and Contracts" as a connection: the same filter and order, in pages. */
export async function subscriptionConnection(
  ctx: AccountContext,
  args: { first?: number | null; after?: string | null; filter?: SubscriptionsFilter | null; orderBy?: SubscriptionsOrder | null },
): Promise<SubscriptionConnection> {
  const subscriptions = await listSubscriptions(ctx, { filter: args.filter, orderBy: args.orderBy });
  return pageOf(subscriptions, sortKeyOf(args.orderBy), args.orderBy?.direction === SortDirection.DESC ? -1 : 1, args.first, args.after);
}

/** The account's contracts as a connection, by end date. */
export async function contractConnection(
  ctx: AccountContext,
  args: { first?: number | null; after?: string | null; filter?: SubscriptionsFilter | null },
): Promise<ContractConnection> {
  const contracts = await listContracts(ctx, args.filter);
  return pageOf(contracts, (contract) => [contract.endsOn, contract.number, contract.id], 1, args.first, args.after);
}

function toSubscription(row: SubscriptionRow, today: number, products: ProductRow[]): SubscriptionType {
  const endsOn = isoDate(row.ends_on);
  const daysToRenewal = dayOfIso(endsOn)! - today;
  const seatsUsed = Number(row.seats_used);
  return {
    id: row.id,
    name: row.name,
    serialNumber: row.serial_number,
    contract: { id: row.contract_id, number: row.contract_number },
    status: statusOf(row.state, daysToRenewal),
    daysToRenewal,
    term: row.term,
    licenceType: row.licence_type,
    startsOn: isoDate(row.starts_on),
    endsOn,
    seatsTotal: row.seats,
    seatsUsed,
    team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
    products: products.map((product) => ({
      product: { id: product.id, code: product.code, name: product.name },
      seatsTotal: row.seats,
      seatsUsed,
    })),
    renewal: row.renewal,
    scheduledSeats: row.scheduled_seats === null ? null : Number(row.scheduled_seats),
    cancelAtTermEnd: Boolean(row.cancel_at_term_end),
    version: Number(row.version),
  };
}

export async function getSubscription(ctx: AccountContext, id: string): Promise<SubscriptionType> {
  const [subscription] = await listSubscriptions(ctx, { subscriptionId: requireId(id, 'Subscription', 'id') });
  if (!subscription) throw new NotFoundError('Subscription', 'id');
  return subscription;
}

interface ContractRow {
  id: string;
  number: string;
  starts_on: string | Date;
  ends_on: string | Date;
  team_id: string | null;
  team_name: string | null;
  version: number | string;
}

/** Contracts with their subscriptions; a contract matches a filter when one of its subscriptions does. */
export async function listContracts(ctx: AccountContext, filter?: SubscriptionsFilter | null, contractId?: string): Promise<ContractType[]> {
  const accountId = ctx.viewer.accountId;
  const { today } = await accountDay(ctx.em, accountId, ctx.config.now());
  const query = knexOf(ctx.em)('contracts as c')
    .leftJoin('teams as t', 't.id', 'c.team_id')
    .where('c.account_id', accountId)
    .orderBy('c.ends_on')
    .select('c.id', 'c.number', 'c.starts_on', 'c.ends_on', 'c.team_id', 't.name as team_name', 'c.version');
  if (contractId) query.andWhere('c.id', contractId);
  const rows: ContractRow[] = await query;
  const subscriptions = await listSubscriptions(ctx, {
    filter,
    contractId,
    orderBy: { field: SubscriptionSortField.NAME },
  });
  const filtered = Boolean(filter?.teamId || filter?.search?.trim() || filter?.statuses?.length);
  return rows.flatMap((row) => {
    const own = subscriptions.filter((subscription) => subscription.contract.id === row.id);
    if (filtered && !own.length && !(filter?.teamId && row.team_id === filter.teamId && !filter.search && !filter.statuses?.length)) {
      return [];
    }
    const endsOn = isoDate(row.ends_on);
    const daysToRenewal = dayOfIso(endsOn)! - today;
    const allCancelled = own.length > 0 && own.every((subscription) => subscription.status === SubscriptionStatus.CANCELLED);
    return [
      {
        id: row.id,
        number: row.number,
        startsOn: isoDate(row.starts_on),
        endsOn,
        status: statusOf(allCancelled ? SubscriptionState.CANCELLED : SubscriptionState.ACTIVE, daysToRenewal),
        daysToRenewal,
        team: row.team_id ? { id: row.team_id, name: row.team_name ?? '' } : null,
        seatsTotal: own.reduce((sum, subscription) => sum + subscription.seatsTotal, 0),
        seatsUsed: own.reduce((sum, subscription) => sum + subscription.seatsUsed, 0),
        subscriptions: own,
        version: Number(row.version),
      },
    ];
  });
}

export async function getContract(ctx: AccountContext, id: string): Promise<ContractType> {
  const [contract] = await listContracts(ctx, null, requireId(id, 'Contract', 'id'));
  if (!contract) throw new NotFoundError('Contract', 'id');
  return contract;
}
