import { graphql } from './gql/index.js';

/** The documents the sync sends, typed by codegen from the contract (`pnpm codegen`). */
export const CreateCustomer = graphql(`
  mutation BillingCreateCustomer($input: CreateCustomerInput!, $key: String!) {
    createCustomer(input: $input, idempotencyKey: $key) {
      id
      externalId
      name
      status
    }
  }
`);

export const InvitePrimaryAdmin = graphql(`
  mutation BillingInvitePrimaryAdmin($input: InviteCustomerPrimaryAdminInput!, $key: String!) {
    inviteCustomerPrimaryAdmin(input: $input, idempotencyKey: $key) {
      email
      status
    }
  }
`);

export const SuspendCustomer = graphql(`
  mutation BillingSuspendCustomer($id: UUID!, $key: String!) {
    suspendCustomer(id: $id, idempotencyKey: $key) {
      id
      status
    }
  }
`);

export const ReactivateCustomer = graphql(`
  mutation BillingReactivateCustomer($id: UUID!, $key: String!) {
    reactivateCustomer(id: $id, idempotencyKey: $key) {
      id
      status
    }
  }
`);

export const CloseCustomer = graphql(`
  mutation BillingCloseCustomer($id: UUID!, $key: String!) {
    closeCustomer(id: $id, idempotencyKey: $key) {
      id
      status
    }
  }
`);

export const FindCustomers = graphql(`
  query BillingFindCustomers($search: String!, $after: String) {
    customers(first: 100, after: $after, filter: { search: $search }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          externalId
          name
          status
        }
      }
    }
  }
`);

/** The server's mutations by name: what this server can do, asked before anything is sent. */
export const ServerMutations = graphql(`
  query BillingServerMutations {
    __schema {
      mutationType {
        fields {
          name
        }
      }
    }
  }
`);
