import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  ExportRetention,
  PageArgs,
  ReportExport,
  ReportExportConnection,
  ReportExportInput,
  ReportExportRun,
  ReportExportRunConnection,
  ReportExportRunLink,
  UUID,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import {
  createReportExport,
  createReportExportRunLink,
  deleteReportExport,
  exportRetention,
  getReportExport,
  listReportExports,
  reportExportRuns,
  runReportExportNow,
  setExportRetention,
  updateReportExport,
} from './report-exports.service.js';

const ID = { description: 'The scheduled export.' };

/** Scheduled report exports (issue 19, item 3): admins only, in their own account. */
@Resolver()
export class ReportExportsResolver {
  @Allow(Permission.ReadReportExports)
  @Query(() => ReportExportConnection, { description: "The account's scheduled report exports, the latest saved first." })
  reportExports(@Ctx() ctx: AccountContext, @Args(() => PageArgs) page: PageArgs): Promise<ReportExportConnection> {
    return listReportExports(ctx, page);
  }

  @Allow(Permission.ReadReportExports)
  @Query(() => ReportExport, { description: 'One scheduled export.' })
  reportExport(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, ID) id: string): Promise<ReportExport> {
    return getReportExport(ctx, id);
  }

  @Allow(Permission.ReadReportExports)
  @Query(() => ReportExportRunConnection, { description: "A scheduled export's runs (its history: when, status, size), the latest first." })
  reportExportRuns(
    @Ctx() ctx: AccountContext,
    @Arg('exportId', () => UUID, ID) exportId: string,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ReportExportRunConnection> {
    return reportExportRuns(ctx, exportId, page);
  }

  @Allow(Permission.ReadReportExports)
  @Query(() => ExportRetention, { description: 'How long the account keeps the runs of its scheduled exports.' })
  exportRetention(@Ctx() ctx: AccountContext): Promise<ExportRetention> {
    return exportRetention(ctx);
  }

  @Allow(Permission.ReadReportExports)
  @Mutation(() => ReportExportRunLink, { description: 'A signed link to the file of a run that worked, for the admin asking; it works for 15 minutes.' })
  createReportExportRunLink(@Ctx() ctx: AccountContext, @Arg('runId', () => UUID, { description: 'The run.' }) runId: string): Promise<ReportExportRunLink> {
    return createReportExportRunLink(ctx, runId);
  }

  @Allow(Permission.ManageReportExports)
  @Mutation(() => ReportExport, { description: 'Saves a report to run on a schedule; its first run is its first slot from now.' })
  createReportExport(@Ctx() ctx: AccountContext, @Arg('input', () => ReportExportInput, { description: 'The report, filters, format, schedule, range and recipients.' }) input: ReportExportInput): Promise<ReportExport> {
    return createReportExport(ctx, input);
  }

  @Allow(Permission.ManageReportExports)
  @Mutation(() => ReportExport, { description: 'Changes a scheduled export; its next run follows the new schedule.' })
  updateReportExport(
    @Ctx() ctx: AccountContext,
    @Arg('id', () => UUID, ID) id: string,
    @Arg('input', () => ReportExportInput, { description: 'Its new state, whole.' }) input: ReportExportInput,
  ): Promise<ReportExport> {
    return updateReportExport(ctx, id, input);
  }

  @Allow(Permission.ManageReportExports)
  @Mutation(() => ReportExport, { description: 'Deletes a scheduled export with its runs and their files; returns it as it was.' })
  deleteReportExport(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, ID) id: string): Promise<ReportExport> {
    return deleteReportExport(ctx, id);
  }

  @Allow(Permission.ManageReportExports)
  @Mutation(() => ReportExportRun, { description: 'Queues a run of a scheduled export now, besides its schedule.' })
  runReportExportNow(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, ID) id: string): Promise<ReportExportRun> {
    return runReportExportNow(ctx, id);
  }

  @Allow(Permission.ManageReportExports)
  @Mutation(() => ExportRetention, { description: 'Sets how long runs are kept: 1 to 3650 days, or null for good; kept runs get their new expiry.' })
  setExportRetention(
    @Ctx() ctx: AccountContext,
    @Arg('days', () => Int, { nullable: true, description: 'Days to keep each run; null keeps them for good.' }) days: number | null,
  ): Promise<ExportRetention> {
    return setExportRetention(ctx, days ?? null);
  }
}
