import type { SupportCategory, SupportRequestStatus } from '@seatwise/schema/client';

/** A request's state at a glance, the same in Account management and the Vendor console: whose turn it is. */
export const supportStatusColor: Record<SupportRequestStatus, string> = {
  OPEN: 'orange',
  ANSWERED: 'teal',
  CLOSED: 'gray',
};

/** The categories in the order the forms and filters offer them. */
export const supportCategories: readonly SupportCategory[] = ['LICENSING', 'DOWNLOADS', 'ACCOUNT', 'BILLING', 'TECHNICAL', 'OTHER'];

export const supportStatuses: readonly SupportRequestStatus[] = ['OPEN', 'ANSWERED', 'CLOSED'];
