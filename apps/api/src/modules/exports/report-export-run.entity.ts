import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { ScheduledRunStatus } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { ReportExportRow } from './report-export.entity.js';

/**
 * One run of a scheduled export for one slot (unique per export and slot: written once however
 * many instances claim it). The file lives in the data folder at `storageKey` until `expiresAt`
 * (the account's retention setting; null keeps it for good).
 */
@Entity({ tableName: 'report_export_runs' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'export', 'slotAt'] })
@Index({ properties: ['account', 'export', 'createdAt'] })
// The retention clean-up reads across accounts by expiry.
@Index({ properties: ['expiresAt'] })
export class ReportExportRunRow extends TenantEntity {
  @ManyToOne(() => ReportExportRow, { deleteRule: 'cascade', index: false })
  export!: ReportExportRow;

  @Property({ type: 'datetime' })
  slotAt!: Date;

  @Enum({ items: () => ScheduledRunStatus, type: 'string', length: 10 })
  status: ScheduledRunStatus & Opt = ScheduledRunStatus.QUEUED;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  error: string | null = null;

  @Property({ type: 'string', length: 10 })
  rangeFrom!: string;

  @Property({ type: 'string', length: 10 })
  rangeTo!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  fileName: string | null = null;

  /** Relative to the data folder, `report-exports/<account>/<run>.<ext>`. */
  @Property({ type: 'string', length: 300, nullable: true })
  storageKey: string | null = null;

  @Property({ type: 'integer', nullable: true })
  rowCount: number | null = null;

  @Property({ type: 'integer', nullable: true })
  sizeBytes: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;
}
