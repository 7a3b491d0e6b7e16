import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { AuditEntryConnection, AuditFilter, PageArgs } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { exportCost } from '../../graphql/limits.js';
import { exportAuditEntries, listAuditEntries, MAX_AUDIT_EXPORT } from './audit-log.service.js';

@Resolver()
export class AuditResolver {
  @Allow(Permission.ReadAudit)
  @Query(() => AuditEntryConnection, { description: "The account's audit log of admin actions, newest first; admins only." })
  auditLog(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which entries to include.' }) filter?: AuditFilter,
  ): Promise<AuditEntryConnection> {
    return listAuditEntries(ctx, { ...page, filter });
  }

  @Allow(Permission.ReadAudit)
  @Query(() => String, {
    description:
      'The filtered audit log as a CSV file (UTF-8 with BOM, newest first, up to 50,000 entries; cells that a spreadsheet would run as a formula start with an apostrophe); admins only. Leaves a `report.export` entry in the log. Its cost is its 50,000 rows, ten to a unit (5,001).',
    complexity: exportCost(MAX_AUDIT_EXPORT),
  })
  auditLogCsv(@Ctx() ctx: AccountContext, @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which entries to include.' }) filter?: AuditFilter): Promise<string> {
    return exportAuditEntries(ctx, filter);
  }
}
