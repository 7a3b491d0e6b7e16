import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ExportFrequency, ExportRangeKind, ReportExportFormat, ReportExportKind, ScheduledRunStatus } from '../client/enums.js';
import { connectionTypes } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';

export { ExportFrequency, ExportRangeKind, ReportExportFormat, ReportExportKind, ScheduledRunStatus };

registerEnumType(ReportExportKind, {
  name: 'ReportExportKind',
  description: 'Which report a scheduled export writes.',
  valuesConfig: {
    SEAT_USAGE_BY_USER: { description: 'Seat Usage by user: every seat with its days used and days idle.' },
    SEAT_USAGE_BY_PRODUCT: { description: 'Seat Usage by product: seats, active users and use per product.' },
    CLOUD_SERVICES_USAGE: { description: 'Cloud Services Usage: credits purchased, consumed and remaining per subscription.' },
    SUBSCRIPTIONS: { description: "The account's subscriptions." },
    USERS: { description: "The account's people." },
    AUDIT_LOG: { description: 'The audit log entries of the covered days.' },
  },
});
registerEnumType(ReportExportFormat, {
  name: 'ReportExportFormat',
  description: 'The file format of a scheduled export.',
  valuesConfig: {
    CSV: { description: 'Comma-separated (semicolons and decimal commas in Slovenian), UTF-8 with a BOM.' },
    XLSX: { description: 'An Excel workbook with typed cells.' },
    JSON: { description: 'An array of objects keyed by the column headings.' },
  },
});
registerEnumType(ExportFrequency, {
  name: 'ExportFrequency',
  description: "How often a scheduled export runs, at its hour in the account's time zone.",
  valuesConfig: {
    DAILY: { description: 'Every day.' },
    WEEKLY: { description: 'Once a week, on `weekday`.' },
    MONTHLY: { description: 'Once a month, on `dayOfMonth`.' },
  },
});
registerEnumType(ExportRangeKind, {
  name: 'ExportRangeKind',
  description: "Which days a scheduled export's run covers.",
  valuesConfig: {
    ROLLING_DAYS: { description: 'The last `rangeDays` days up to the day before the run.' },
    SINCE_LAST_RUN: { description: 'From the day of the last run that worked (the export created, for the first) up to the day before the run.' },
  },
});
registerEnumType(ScheduledRunStatus, {
  name: 'ScheduledRunStatus',
  description: 'Where a run of a scheduled task or export stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being run now.' },
    RETRYING: { description: 'An attempt failed; it is tried again after a pause.' },
    SUCCEEDED: { description: 'It worked.' },
    FAILED: { description: 'Every attempt failed; `error` says why.' },
  },
});

@ObjectType({ description: 'Someone of the account who gets the link to each run of a scheduled export.' })
export class ExportRecipient {
  @Field(() => UUID, { description: 'The person (user id).' })
  id!: string;

  @Field(() => String, { description: 'Their name.' })
  name!: string;

  @Field(() => String, { description: 'Their email address.' })
  email!: string;
}

@ObjectType({ description: 'The filters a scheduled export applies to its report; null ones are not applied.' })
export class ReportExportFilter {
  @Field(() => UUID, { nullable: true, description: 'Seat Usage by user: only seats of this product.' })
  productId!: string | null;

  @Field(() => UUID, { nullable: true, description: 'Subscriptions and users: only this team.' })
  teamId!: string | null;

  @Field(() => String, { nullable: true, description: 'Seat Usage by user, subscriptions and users: words in a name or email.' })
  search!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seat Usage by user: only seats idle for at least this many days.' })
  idleForAtLeast!: number | null;
}

@InputType({ description: 'The filters of a scheduled export; omit what does not apply.' })
export class ReportExportFilterInput {
  @Field(() => UUID, { nullable: true, description: 'Seat Usage by user: only seats of this product.' })
  productId?: string | null;

  @Field(() => UUID, { nullable: true, description: 'Subscriptions and users: only this team.' })
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'Seat Usage by user, subscriptions and users: words in a name or email (at most 100 characters).' })
  search?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seat Usage by user: only seats idle for at least this many days (1 to 731).' })
  idleForAtLeast?: number | null;
}

@ObjectType({ description: 'A saved report that runs on a schedule, kept and mailed to its recipients as a link.' })
export class ReportExport {
  @Field(() => UUID, { description: 'Identifier of the scheduled export.' })
  id!: string;

  @Field(() => String, { description: 'What the admin called it.' })
  name!: string;

  @Field(() => ReportExportKind, { description: 'The report it writes.' })
  kind!: ReportExportKind;

  @Field(() => ReportExportFormat, { description: 'The file format.' })
  format!: ReportExportFormat;

  @Field(() => ReportExportFilter, { description: 'The filters applied.' })
  filter!: ReportExportFilter;

  @Field(() => ExportFrequency, { description: 'How often it runs.' })
  frequency!: ExportFrequency;

  @Field(() => Int, { nullable: true, description: 'Weekly: the weekday it runs on, 1 (Monday) to 7 (Sunday); null otherwise.' })
  weekday!: number | null;

  @Field(() => Int, { nullable: true, description: 'Monthly: the day of the month it runs on, 1 to 28; null otherwise.' })
  dayOfMonth!: number | null;

  @Field(() => Int, { description: "The hour it runs at, 0 to 23, in the account's time zone." })
  hour!: number;

  @Field(() => String, { description: "The account's time zone, which the schedule follows (IANA name)." })
  timeZone!: string;

  @Field(() => ExportRangeKind, { description: 'Which days a run covers.' })
  rangeKind!: ExportRangeKind;

  @Field(() => Int, { nullable: true, description: 'Rolling range: how many days, 1 to 366; null for "since the last run".' })
  rangeDays!: number | null;

  @Field(() => [ExportRecipient], { description: 'Who gets the link to each run (at most 20 people of the account).' })
  recipients!: ExportRecipient[];

  @Field(() => Date, { description: 'When it runs next.' })
  nextRunAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The slot of its last run; null before the first.' })
  lastRunAt!: Date | null;

  @Field(() => Date, { description: 'When it was saved.' })
  createdAt!: Date;
}

export const ReportExportConnection = connectionTypes(ReportExport, 'ReportExport', {
  one: 'scheduled export',
  many: 'scheduled exports',
  page: "A page of the account's scheduled exports, by name.",
  total: 'How many scheduled exports the account has, on all pages together.',
});
export type ReportExportConnection = InstanceType<typeof ReportExportConnection>;

@ObjectType({ description: 'One run of a scheduled export: its file, kept for the account\'s retention period.' })
export class ReportExportRun {
  @Field(() => UUID, { description: 'Identifier of the run.' })
  id!: string;

  @Field(() => UUID, { description: 'The scheduled export it belongs to.' })
  exportId!: string;

  @Field(() => Date, { description: 'The schedule slot it ran for.' })
  slotAt!: Date;

  @Field(() => ScheduledRunStatus, { description: 'Where it stands.' })
  status!: ScheduledRunStatus;

  @Field(() => Int, { description: 'How many attempts were made.' })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'When it finished (worked or failed for good); null before.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed; null when it did not.' })
  error!: string | null;

  @Field(() => String, { description: 'The first day covered, YYYY-MM-DD.' })
  rangeFrom!: string;

  @Field(() => String, { description: 'The last day covered, YYYY-MM-DD.' })
  rangeTo!: string;

  @Field(() => String, { nullable: true, description: 'The file name; null until it worked.' })
  fileName!: string | null;

  @Field(() => Int, { nullable: true, description: 'How many rows the file holds; null until it worked.' })
  rowCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'The file size in bytes; null until it worked.' })
  sizeBytes!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the file is deleted by the retention setting; null to keep it for good.' })
  expiresAt!: Date | null;
}

export const ReportExportRunConnection = connectionTypes(ReportExportRun, 'ReportExportRun', {
  one: 'run',
  many: 'runs',
  page: "A page of a scheduled export's runs, the latest first.",
  total: 'How many runs are kept, on all pages together.',
});
export type ReportExportRunConnection = InstanceType<typeof ReportExportRunConnection>;

@InputType({ description: 'A scheduled export to save, or the new state of one.' })
export class ReportExportInput {
  @Field(() => String, { description: 'What to call it, 1 to 100 characters.' })
  name!: string;

  @Field(() => ReportExportKind, { description: 'The report to write.' })
  kind!: ReportExportKind;

  @Field(() => ReportExportFormat, { description: 'The file format.' })
  format!: ReportExportFormat;

  @Field(() => ReportExportFilterInput, { nullable: true, description: 'The filters; none when omitted.' })
  filter?: ReportExportFilterInput | null;

  @Field(() => ExportFrequency, { description: 'How often it runs.' })
  frequency!: ExportFrequency;

  @Field(() => Int, { nullable: true, description: 'Weekly: the weekday, 1 (Monday) to 7 (Sunday).' })
  weekday?: number | null;

  @Field(() => Int, { nullable: true, description: 'Monthly: the day of the month, 1 to 28.' })
  dayOfMonth?: number | null;

  @Field(() => Int, { nullable: true, description: "The hour, 0 to 23, in the account's time zone (default 6)." })
  hour?: number | null;

  @Field(() => ExportRangeKind, { description: 'Which days a run covers.' })
  rangeKind!: ExportRangeKind;

  @Field(() => Int, { nullable: true, description: 'Rolling range: how many days, 1 to 366.' })
  rangeDays?: number | null;

  @Field(() => [UUID], { description: 'Who gets the link to each run: 1 to 20 people of the account.' })
  recipientIds!: string[];
}

@ObjectType({ description: 'A signed link to the file of a run, which expires.' })
export class ReportExportRunLink {
  @Field(() => String, { description: 'The path to download from (`/api/report-exports/<token>/<file name>`).' })
  url!: string;

  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
}

@ObjectType({ description: "How long the account keeps the files of its scheduled exports' runs." })
export class ExportRetention {
  @Field(() => Int, { nullable: true, description: 'Days a run is kept (1 to 3650, default 90); null keeps runs for good.' })
  days!: number | null;
}

@ObjectType({ description: 'One firing of a scheduled task of the server (vendor operators).' })
export class ScheduledTaskRun {
  @Field(() => UUID, { description: 'Identifier of the firing.' })
  id!: string;

  @Field(() => String, { description: 'The task, e.g. `exports.due`.' })
  name!: string;

  @Field(() => Date, { description: 'The cron slot it fired for.' })
  slotAt!: Date;

  @Field(() => ScheduledRunStatus, { description: 'Running, succeeded or failed.' })
  status!: ScheduledRunStatus;

  @Field(() => Date, { description: 'When it started.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it finished; null while running.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null when it did not.' })
  error!: string | null;

  @Field(() => String, { description: 'The instance that ran it.' })
  instance!: string;
}

export const ScheduledTaskRunConnection = connectionTypes(ScheduledTaskRun, 'ScheduledTaskRun', {
  one: 'firing',
  many: 'firings',
  page: "A page of the server's scheduled task firings, the latest first.",
  total: 'How many firings are kept, on all pages together.',
});
export type ScheduledTaskRunConnection = InstanceType<typeof ScheduledTaskRunConnection>;
