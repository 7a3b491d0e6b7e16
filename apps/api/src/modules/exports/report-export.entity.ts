import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { ExportFrequency, ExportRangeKind, ReportExportFormat, ReportExportKind } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';

/** The filters a scheduled export applies, as saved (each null when not applied). */
export interface StoredExportFilter {
  productId: string | null;
  teamId: string | null;
  search: string | null;
  idleForAtLeast: number | null;
}

/**
 * A saved report that runs on a schedule in the account's time zone. `nextRunAt` is the UTC
 * instant of its next local slot; the instance whose conditional update moves it on writes that
 * slot's run (`export-runs.ts`), so a slot runs once however many instances look.
 */
@Entity({ tableName: 'report_exports' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'name'] })
// The due scan reads across accounts by the next slot.
@Index({ properties: ['nextRunAt'] })
export class ReportExportRow extends TenantEntity {
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => ReportExportKind, type: 'string', length: 30 })
  kind!: ReportExportKind;

  @Enum({ items: () => ReportExportFormat, type: 'string', length: 10 })
  format!: ReportExportFormat;

  @Property({ type: 'json' })
  filter!: StoredExportFilter;

  @Enum({ items: () => ExportFrequency, type: 'string', length: 10 })
  frequency!: ExportFrequency;

  /** ISO weekday, 1 (Monday) to 7, for a weekly export. */
  @Property({ type: 'integer', nullable: true })
  weekday: number | null = null;

  /** 1 to 28, for a monthly export. */
  @Property({ type: 'integer', nullable: true })
  dayOfMonth: number | null = null;

  /** The local hour of the slot, 0 to 23. */
  @Property({ type: 'integer' })
  hour!: number;

  @Enum({ items: () => ExportRangeKind, type: 'string', length: 20 })
  rangeKind!: ExportRangeKind;

  @Property({ type: 'integer', nullable: true })
  rangeDays: number | null = null;

  /** User ids of the people who get each run's link (members of the account when saved). */
  @Property({ type: 'json' })
  recipientIds!: string[];

  @Property({ type: 'datetime' })
  nextRunAt!: Date;

  /** The slot of the last run written; null before the first. */
  @Property({ type: 'datetime', nullable: true })
  lastRunAt: (Date & Opt) | null = null;

  /** The last day a run that worked covered (YYYY-MM-DD): "since the last run" starts the day after. */
  @Property({ type: 'string', length: 10, nullable: true })
  coveredThrough: (string & Opt) | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  createdBy: User | null = null;
}
