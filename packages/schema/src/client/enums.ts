/**
 * The value of every enum in the schema, as GraphQL writes it, for code that runs anywhere (browser,
 * Node, tests): plain objects with a union type of the same name, so `Role.USER` and `'USER'` are
 * the same value. This is the one definition: the server entry registers these objects with
 * type-graphql (`src/<domain>/*.ts`) and the generated client types import them from here. What
 * each value means is in its description in `schema.graphql`. ApiScope, with its rules, is in
 * `token-scopes.ts`.
 */

/** How a person proves the second step of signing in. */
export const TwoStepMethod = {
  AUTHENTICATOR_APP: 'AUTHENTICATOR_APP',
  SMS: 'SMS',
} as const;
export type TwoStepMethod = (typeof TwoStepMethod)[keyof typeof TwoStepMethod];

/** Which kind of code is being entered for the second step. */
export const SecondStepCodeKind = {
  AUTHENTICATOR_APP: 'AUTHENTICATOR_APP',
  SMS: 'SMS',
  RECOVERY_CODE: 'RECOVERY_CODE',
} as const;
export type SecondStepCodeKind = (typeof SecondStepCodeKind)[keyof typeof SecondStepCodeKind];

/** What a seat ledger entry records. */
export const SeatLedgerEvent = {
  ASSIGN: 'ASSIGN',
  UNASSIGN: 'UNASSIGN',
  RESTORE: 'RESTORE',
  MEMBER_REMOVE: 'MEMBER_REMOVE',
  MEMBER_RESTORE: 'MEMBER_RESTORE',
} as const;
export type SeatLedgerEvent = (typeof SeatLedgerEvent)[keyof typeof SeatLedgerEvent];

/** Why a seat ledger entry was written: the operation it belongs to. */
export const SeatLedgerReason = {
  ASSIGN: 'ASSIGN',
  INVITE: 'INVITE',
  IMPORT: 'IMPORT',
  UNASSIGN: 'UNASSIGN',
  REMOVE: 'REMOVE',
  INVITATION_REVOKE: 'INVITATION_REVOKE',
  DIRECTORY: 'DIRECTORY',
  ACCOUNT_DELETION: 'ACCOUNT_DELETION',
  UNDO: 'UNDO',
  RECLAIM: 'RECLAIM',
} as const;
export type SeatLedgerReason = (typeof SeatLedgerReason)[keyof typeof SeatLedgerReason];

/** Who or what made a seat ledger entry. */
export const SeatLedgerActor = {
  PERSON: 'PERSON',
  TOKEN: 'TOKEN',
  DIRECTORY: 'DIRECTORY',
  SYSTEM: 'SYSTEM',
  POLICY: 'POLICY',
} as const;
export type SeatLedgerActor = (typeof SeatLedgerActor)[keyof typeof SeatLedgerActor];

/** What a reclaim policy measures a seat's idleness from. */
export const ReclaimSignal = {
  LAST_USE: 'LAST_USE',
  NEVER_USED: 'NEVER_USED',
} as const;
export type ReclaimSignal = (typeof ReclaimSignal)[keyof typeof ReclaimSignal];

/** What a reclaim policy does at the end of the grace period. */
export const ReclaimAction = {
  UNASSIGN: 'UNASSIGN',
} as const;
export type ReclaimAction = (typeof ReclaimAction)[keyof typeof ReclaimAction];

/** Where a reclaim notice stands. */
export const ReclaimNoticeState = {
  PENDING: 'PENDING',
  KEPT: 'KEPT',
  USED: 'USED',
  RECLAIMED: 'RECLAIMED',
  CLOSED: 'CLOSED',
} as const;
export type ReclaimNoticeState = (typeof ReclaimNoticeState)[keyof typeof ReclaimNoticeState];

/** A kind of message Seatwise sends on its own. */
export const NotificationCategory = {
  PRODUCT_UPDATES: 'PRODUCT_UPDATES',
  SUBSCRIPTION_RENEWALS: 'SUBSCRIPTION_RENEWALS',
  SECURITY_ALERTS: 'SECURITY_ALERTS',
  USAGE_ALERTS: 'USAGE_ALERTS',
} as const;
export type NotificationCategory = (typeof NotificationCategory)[keyof typeof NotificationCategory];

/** How a category of notifications reaches the person. */
export const NotificationChannel = {
  EMAIL: 'EMAIL',
  NONE: 'NONE',
} as const;
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel];

/** A language the whole user interface and all messages are available in. */
export const Language = {
  EN: 'EN',
  SL: 'SL',
} as const;
export type Language = (typeof Language)[keyof typeof Language];

/** What the list of users can be sorted by. */
export const UserSortField = {
  NAME: 'NAME',
  EMAIL: 'EMAIL',
  ROLE: 'ROLE',
  STATUS: 'STATUS',
  JOINED_AT: 'JOINED_AT',
} as const;
export type UserSortField = (typeof UserSortField)[keyof typeof UserSortField];

/** A person's role in one account. */
export const Role = {
  USER: 'USER',
  SECONDARY_ADMIN: 'SECONDARY_ADMIN',
  PRIMARY_ADMIN: 'PRIMARY_ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Where a person stands in an account's user list. */
export const MembershipStatus = {
  ACTIVE: 'ACTIVE',
  INVITED: 'INVITED',
  INACTIVE: 'INACTIVE',
} as const;
export type MembershipStatus = (typeof MembershipStatus)[keyof typeof MembershipStatus];

/** Where an invitation stands. */
export const InvitationStatus = {
  PENDING: 'PENDING',
  ACCEPTED: 'ACCEPTED',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
} as const;
export type InvitationStatus = (typeof InvitationStatus)[keyof typeof InvitationStatus];

/** What importing one row of a CSV file does (preview) or did (commit). */
export const ImportRowStatus = {
  CREATE: 'CREATE',
  UPDATE: 'UPDATE',
  UNCHANGED: 'UNCHANGED',
  ERROR: 'ERROR',
} as const;
export type ImportRowStatus = (typeof ImportRowStatus)[keyof typeof ImportRowStatus];

/** Why a row of an import or an "Invite Multiple" list is refused, or that it changes something; `detail` carries the value it is about. */
export const ImportRowReason = {
  MISSING_EMAIL: 'MISSING_EMAIL',
  INVALID_EMAIL: 'INVALID_EMAIL',
  MISSING_FIRST_NAME: 'MISSING_FIRST_NAME',
  MISSING_LAST_NAME: 'MISSING_LAST_NAME',
  NAME_TOO_LONG: 'NAME_TOO_LONG',
  DUPLICATE_IN_FILE: 'DUPLICATE_IN_FILE',
  UNKNOWN_ROLE: 'UNKNOWN_ROLE',
  PRIMARY_ADMIN_ROLE: 'PRIMARY_ADMIN_ROLE',
  UNKNOWN_TEAM: 'UNKNOWN_TEAM',
  UNKNOWN_PRODUCT: 'UNKNOWN_PRODUCT',
  NO_SEAT_LEFT: 'NO_SEAT_LEFT',
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  ALREADY_INVITED: 'ALREADY_INVITED',
  CHANGES: 'CHANGES',
} as const;
export type ImportRowReason = (typeof ImportRowReason)[keyof typeof ImportRowReason];

/** How a message reaches a person. */
export const MessageChannel = {
  EMAIL: 'EMAIL',
  SMS: 'SMS',
} as const;
export type MessageChannel = (typeof MessageChannel)[keyof typeof MessageChannel];

/** Order of a sorted list. */
export const SortDirection = {
  ASC: 'ASC',
  DESC: 'DESC',
} as const;
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];

/** Whose turn a support request is: support's, the customer's, or nobody's any more. */
export const SupportRequestStatus = {
  OPEN: 'OPEN',
  ANSWERED: 'ANSWERED',
  CLOSED: 'CLOSED',
} as const;
export type SupportRequestStatus = (typeof SupportRequestStatus)[keyof typeof SupportRequestStatus];

/** What a support request is about, so support can route it. */
export const SupportCategory = {
  LICENSING: 'LICENSING',
  DOWNLOADS: 'DOWNLOADS',
  ACCOUNT: 'ACCOUNT',
  BILLING: 'BILLING',
  TECHNICAL: 'TECHNICAL',
  OTHER: 'OTHER',
} as const;
export type SupportCategory = (typeof SupportCategory)[keyof typeof SupportCategory];

/** Who wrote a message of a support request's thread. */
export const SupportMessageAuthor = {
  CUSTOMER: 'CUSTOMER',
  VENDOR: 'VENDOR',
} as const;
export type SupportMessageAuthor = (typeof SupportMessageAuthor)[keyof typeof SupportMessageAuthor];

/** Whether a product is installed software or a service used in the cloud. */
export const ProductKind = {
  SOFTWARE: 'SOFTWARE',
  CLOUD_SERVICE: 'CLOUD_SERVICE',
} as const;
export type ProductKind = (typeof ProductKind)[keyof typeof ProductKind];

/** Operating system an installer is built for. */
export const Platform = {
  WINDOWS: 'WINDOWS',
  MACOS: 'MACOS',
  LINUX: 'LINUX',
} as const;
export type Platform = (typeof Platform)[keyof typeof Platform];

/** What a downloadable file of a product version is. */
export const ProductFileKind = {
  INSTALLER: 'INSTALLER',
  UPDATE: 'UPDATE',
  ADD_ON: 'ADD_ON',
} as const;
export type ProductFileKind = (typeof ProductFileKind)[keyof typeof ProductFileKind];

/** Where a product version stands in the vendor's catalogue. */
export const ProductVersionStatus = {
  DRAFT: 'DRAFT',
  CURRENT: 'CURRENT',
  PREVIOUS: 'PREVIOUS',
  RETIRED: 'RETIRED',
} as const;
export type ProductVersionStatus = (typeof ProductVersionStatus)[keyof typeof ProductVersionStatus];

/** A way to get a product onto a computer ("View all" on View downloads). */
export const InstallMethod = {
  INSTALL_NOW: 'INSTALL_NOW',
  DOWNLOAD_MANAGER: 'DOWNLOAD_MANAGER',
  BROWSER_DOWNLOAD: 'BROWSER_DOWNLOAD',
} as const;
export type InstallMethod = (typeof InstallMethod)[keyof typeof InstallMethod];

/** Where the background build of a custom install package stands. */
export const InstallPackageStatus = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const;
export type InstallPackageStatus = (typeof InstallPackageStatus)[keyof typeof InstallPackageStatus];

/** What a licence request asked for. */
export const LicenceRequestKind = {
  HOME_USE: 'HOME_USE',
  NETWORK: 'NETWORK',
} as const;
export type LicenceRequestKind = (typeof LicenceRequestKind)[keyof typeof LicenceRequestKind];

/** What Seat Usage by user can be sorted by. */
export const SeatUsageSortField = {
  NAME: 'NAME',
  LAST_USED: 'LAST_USED',
  DAYS_USED: 'DAYS_USED',
  IDLE_DAYS: 'IDLE_DAYS',
} as const;
export type SeatUsageSortField = (typeof SeatUsageSortField)[keyof typeof SeatUsageSortField];

/** Whom an API token acts for. */
export const ApiTokenKind = {
  PERSONAL: 'PERSONAL',
  SERVICE: 'SERVICE',
} as const;
export type ApiTokenKind = (typeof ApiTokenKind)[keyof typeof ApiTokenKind];

/** Whether an API token still works. */
export const ApiTokenStatus = {
  ACTIVE: 'ACTIVE',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
} as const;
export type ApiTokenStatus = (typeof ApiTokenStatus)[keyof typeof ApiTokenStatus];

/** Where a subscription or contract stands today (in the account time zone). */
export const SubscriptionStatus = {
  ACTIVE: 'ACTIVE',
  EXPIRING: 'EXPIRING',
  EXPIRED: 'EXPIRED',
  CANCELLED: 'CANCELLED',
} as const;
export type SubscriptionStatus = (typeof SubscriptionStatus)[keyof typeof SubscriptionStatus];

/** How the seats of a subscription are licensed. */
export const LicenceType = {
  SINGLE_USER: 'SINGLE_USER',
  MULTI_USER: 'MULTI_USER',
  NETWORK: 'NETWORK',
  CLOUD: 'CLOUD',
} as const;
export type LicenceType = (typeof LicenceType)[keyof typeof LicenceType];

/** Length of one subscription period. */
export const SubscriptionTerm = {
  MONTHLY: 'MONTHLY',
  ANNUAL: 'ANNUAL',
  THREE_YEAR: 'THREE_YEAR',
} as const;
export type SubscriptionTerm = (typeof SubscriptionTerm)[keyof typeof SubscriptionTerm];

/** What the list of subscriptions can be sorted by. */
export const SubscriptionSortField = {
  NAME: 'NAME',
  RENEWAL: 'RENEWAL',
  STATUS: 'STATUS',
  SEATS: 'SEATS',
} as const;
export type SubscriptionSortField = (typeof SubscriptionSortField)[keyof typeof SubscriptionSortField];

/** Whether a subscription renews by itself at the end of its term. */
export const RenewalMode = {
  AUTO: 'AUTO',
  MANUAL: 'MANUAL',
} as const;
export type RenewalMode = (typeof RenewalMode)[keyof typeof RenewalMode];

/** When a change of a subscription takes effect. */
export const ChangeTiming = {
  NOW: 'NOW',
  AT_RENEWAL: 'AT_RENEWAL',
} as const;
export type ChangeTiming = (typeof ChangeTiming)[keyof typeof ChangeTiming];

/** What happened to a subscription, as its admins see it on their home page. */
export const SubscriptionEventKind = {
  CREATED: 'CREATED',
  SEATS_CHANGED: 'SEATS_CHANGED',
  SEATS_SCHEDULED: 'SEATS_SCHEDULED',
  RENEWED: 'RENEWED',
  CANCELLED: 'CANCELLED',
  CANCEL_SCHEDULED: 'CANCEL_SCHEDULED',
  EXPIRED: 'EXPIRED',
  CREDITS_PURCHASED: 'CREDITS_PURCHASED',
} as const;
export type SubscriptionEventKind = (typeof SubscriptionEventKind)[keyof typeof SubscriptionEventKind];

export const CustomerStatus = {
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  CLOSED: 'CLOSED',
} as const;
export type CustomerStatus = (typeof CustomerStatus)[keyof typeof CustomerStatus];

export const CustomerSortField = {
  NAME: 'NAME',
  CREATED_AT: 'CREATED_AT',
  USERS: 'USERS',
  SEATS: 'SEATS',
} as const;
export type CustomerSortField = (typeof CustomerSortField)[keyof typeof CustomerSortField];

export const VendorRole = {
  OPERATOR: 'OPERATOR',
  SUPPORT: 'SUPPORT',
} as const;
export type VendorRole = (typeof VendorRole)[keyof typeof VendorRole];

/** What a webhook reports (`webhookEventNames` gives each its name on the wire, `subscription.created`). */
export const WebhookEventType = {
  CUSTOMER_CREATED: 'CUSTOMER_CREATED',
  CUSTOMER_CHANGED: 'CUSTOMER_CHANGED',
  SUBSCRIPTION_CREATED: 'SUBSCRIPTION_CREATED',
  SUBSCRIPTION_CHANGED: 'SUBSCRIPTION_CHANGED',
  SUBSCRIPTION_RENEWED: 'SUBSCRIPTION_RENEWED',
  SUBSCRIPTION_CANCELLED: 'SUBSCRIPTION_CANCELLED',
  SUBSCRIPTION_EXPIRED: 'SUBSCRIPTION_EXPIRED',
  SEAT_ASSIGNED: 'SEAT_ASSIGNED',
  SEAT_UNASSIGNED: 'SEAT_UNASSIGNED',
  MEMBER_INVITED: 'MEMBER_INVITED',
  MEMBER_JOINED: 'MEMBER_JOINED',
  MEMBER_REMOVED: 'MEMBER_REMOVED',
  LICENCE_CHECKED_OUT: 'LICENCE_CHECKED_OUT',
  LICENCE_RELEASED: 'LICENCE_RELEASED',
  CLOUD_CREDITS_LOW: 'CLOUD_CREDITS_LOW',
} as const;
export type WebhookEventType = (typeof WebhookEventType)[keyof typeof WebhookEventType];

/** Each webhook event's `type` in the delivered body. */
export const webhookEventNames: Readonly<Record<WebhookEventType, string>> = {
  CUSTOMER_CREATED: 'customer.created',
  CUSTOMER_CHANGED: 'customer.changed',
  SUBSCRIPTION_CREATED: 'subscription.created',
  SUBSCRIPTION_CHANGED: 'subscription.changed',
  SUBSCRIPTION_RENEWED: 'subscription.renewed',
  SUBSCRIPTION_CANCELLED: 'subscription.cancelled',
  SUBSCRIPTION_EXPIRED: 'subscription.expired',
  SEAT_ASSIGNED: 'seat.assigned',
  SEAT_UNASSIGNED: 'seat.unassigned',
  MEMBER_INVITED: 'member.invited',
  MEMBER_JOINED: 'member.joined',
  MEMBER_REMOVED: 'member.removed',
  LICENCE_CHECKED_OUT: 'licence.checked-out',
  LICENCE_RELEASED: 'licence.released',
  CLOUD_CREDITS_LOW: 'cloud-credits.low',
};

/** Events about the vendor's customers themselves: only the vendor's endpoints get them. */
export const vendorOnlyWebhookEvents: readonly WebhookEventType[] = [WebhookEventType.CUSTOMER_CREATED, WebhookEventType.CUSTOMER_CHANGED];

export const WebhookDeliveryStatus = {
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const;
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus];

/** Why Cloud credits and the admin home warn about a subscription's credits. */
export const CloudCreditWarningLevel = {
  LOW: 'LOW',
  NEGATIVE: 'NEGATIVE',
} as const;
export type CloudCreditWarningLevel = (typeof CloudCreditWarningLevel)[keyof typeof CloudCreditWarningLevel];

/** Which report a saved, scheduled export writes. */
export const ReportExportKind = {
  SEAT_USAGE_BY_USER: 'SEAT_USAGE_BY_USER',
  SEAT_USAGE_BY_PRODUCT: 'SEAT_USAGE_BY_PRODUCT',
  CLOUD_SERVICES_USAGE: 'CLOUD_SERVICES_USAGE',
  SUBSCRIPTIONS: 'SUBSCRIPTIONS',
  USERS: 'USERS',
  AUDIT_LOG: 'AUDIT_LOG',
} as const;
export type ReportExportKind = (typeof ReportExportKind)[keyof typeof ReportExportKind];

/** The file format of a scheduled export. */
export const ReportExportFormat = {
  CSV: 'CSV',
  XLSX: 'XLSX',
  JSON: 'JSON',
} as const;
export type ReportExportFormat = (typeof ReportExportFormat)[keyof typeof ReportExportFormat];

/** How often a scheduled export runs, in the account's time zone. */
export const ExportFrequency = {
  DAILY: 'DAILY',
  WEEKLY: 'WEEKLY',
  MONTHLY: 'MONTHLY',
} as const;
export type ExportFrequency = (typeof ExportFrequency)[keyof typeof ExportFrequency];

/** Which days a scheduled export's run covers. */
export const ExportRangeKind = {
  ROLLING_DAYS: 'ROLLING_DAYS',
  SINCE_LAST_RUN: 'SINCE_LAST_RUN',
} as const;
export type ExportRangeKind = (typeof ExportRangeKind)[keyof typeof ExportRangeKind];

/** Where a run of a scheduled task or export stands. */
export const ScheduledRunStatus = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  RETRYING: 'RETRYING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const;
export type ScheduledRunStatus = (typeof ScheduledRunStatus)[keyof typeof ScheduledRunStatus];
