import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import {
  CloudServicesUsage,
  CloudUsageByUser,
  DateRangeInput,
  SeatDistribution,
  type SeatUsageByProduct,
  SeatUsageByUserPage,
  SeatUsageFilter,
  SeatUsageOrder,
  SeatUsageReport,
  UUID,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Paged } from '../../graphql/limits.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { selectsField } from '../../graphql/selection.js';
import { cloudServicesUsage, cloudServicesUsageByUser } from './cloud-usage.service.js';
import { seatDistribution } from './insights.service.js';
import { SEAT_USAGE_PAGE, seatUsageByProduct, seatUsageByUser, seatUsageSummary, type SeatUsageSummary } from './seat-usage.service.js';

const RANGE = { description: 'The days to report on, in the account time zone; at most two years.' };

@Resolver()
export class ReportsResolver {
  @Allow(Permission.ReadReports)
  @Query(() => [SeatDistribution], { description: 'Insights (F-30): seats purchased, assigned and unassigned per team and product; admins only.' })
  insights(
    @Ctx() ctx: AccountContext,
    @Arg('teamId', () => UUID, { nullable: true, description: 'Only this team.' }) teamId?: string,
  ): Promise<SeatDistribution[]> {
    return seatDistribution(ctx, teamId);
  }

  @Allow(Permission.ReadReports)
  @Query(() => SeatUsageReport, { description: 'Seat Usage (F-31) by product, with seats to reclaim; admins only.' })
  async seatUsage(
    @Ctx() ctx: AccountContext,
    @Arg('range', () => DateRangeInput, RANGE) range: DateRangeInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SeatUsageSummary & { products?: SeatUsageByProduct[] }> {
    // The products (a year of trends per product) are read only when asked for, alongside the figures.
    const [summary, products] = await Promise.all([
      seatUsageSummary(ctx, range),
      selectsField(info, 'products') ? seatUsageByProduct(ctx, range) : undefined,
    ]);
    return products ? { ...summary, products } : summary;
  }

  @Allow(Permission.ReadReports)
  @Paged(SEAT_USAGE_PAGE)
  @Query(() => SeatUsageByUserPage, { description: 'Seat Usage (F-31) by user: one row per seat held; admins only.' })
  seatUsageByUser(
    @Ctx() ctx: AccountContext,
    @Arg('range', () => DateRangeInput, RANGE) range: DateRangeInput,
    @Arg('filter', () => SeatUsageFilter, { nullable: true, description: 'Which seats to include.' }) filter?: SeatUsageFilter,
    @Arg('orderBy', () => SeatUsageOrder, { nullable: true, description: 'Sort order; by name when omitted.' }) orderBy?: SeatUsageOrder,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 500 (default 50).' }) first?: number,
    @Arg('offset', () => Int, { nullable: true, description: 'Rows to skip (default 0).' }) offset?: number,
  ): Promise<SeatUsageByUserPage> {
    return seatUsageByUser(ctx, { range, filter, orderBy, first, offset });
  }

  @Allow(Permission.ReadReports)
  @Query(() => CloudServicesUsage, { description: 'Cloud Services Usage (F-32): credits per subscription and service; admins only.' })
  cloudServicesUsage(
    @Ctx() ctx: AccountContext,
    @Arg('range', () => DateRangeInput, RANGE) range: DateRangeInput,
  ): Promise<CloudServicesUsage> {
    return cloudServicesUsage(ctx, range);
  }

  @Allow(Permission.ReadReports)
  @Query(() => [CloudUsageByUser], { description: 'Cloud Services Usage By User (F-33): credits per person, most first; admins only.' })
  cloudServicesUsageByUser(
    @Ctx() ctx: AccountContext,
    @Arg('range', () => DateRangeInput, RANGE) range: DateRangeInput,
    @Arg('search', () => String, { nullable: true, description: 'Words to find in the name or email address.' }) search?: string,
  ): Promise<CloudUsageByUser[]> {
    return cloudServicesUsageByUser(ctx, range, search);
  }
}
