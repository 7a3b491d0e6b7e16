import type { CustomerStatus } from '../../gql/graphql';

export const statusColor: Record<CustomerStatus, string> = { ACTIVE: 'teal', SUSPENDED: 'orange', CLOSED: 'gray' };
