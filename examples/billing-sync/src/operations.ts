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

/** The customer with exactly this billing id, if any (`filter.externalId`). */
export const FindCustomer = graphql(`
  query BillingFindCustomer($externalId: String!) {
    customers(first: 1, filter: { externalId: $externalId }) {
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

export const CreateContract = graphql(`
  mutation BillingCreateContract($input: CreateContractInput!, $key: String!) {
    createCustomerContract(input: $input, idempotencyKey: $key) {
      id
      number
      subscriptions {
        id
        version
      }
    }
  }
`);

export const ChangeSeats = graphql(`
  mutation BillingChangeSeats($input: ChangeSeatsInput!, $key: String!) {
    changeSubscriptionSeats(input: $input, idempotencyKey: $key) {
      id
      seatsTotal
      scheduledSeats
      version
    }
  }
`);

export const RenewSubscription = graphql(`
  mutation BillingRenewSubscription($input: RenewSubscriptionInput!, $key: String!) {
    renewSubscription(input: $input, idempotencyKey: $key) {
      id
      endsOn
      version
    }
  }
`);

export const CancelSubscription = graphql(`
  mutation BillingCancelSubscription($input: CancelSubscriptionInput!, $key: String!) {
    cancelSubscription(input: $input, idempotencyKey: $key) {
      id
      status
      cancelAtTermEnd
      version
    }
  }
`);

/** A customer's contracts, a page at a time: the subscription of a billing id is under the contract of that number. */
export const CustomerContracts = graphql(`
  query BillingCustomerContracts($customerId: UUID!, $after: String) {
    customerContracts(customerId: $customerId, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          subscriptions {
            id
            version
          }
        }
      }
    }
  }
`);

/** The catalogue's products a subscription can be of: a billing product code becomes its id. */
export const ProductChoices = graphql(`
  query BillingProductChoices {
    contractProductChoices {
      id
      code
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
