import { graphql } from '../../gql/vendor';

export const VendorSubscriptionFieldsFragment = graphql(`
  fragment VendorSubscriptionFields on Subscription {
    id
    name
    serialNumber
    status
    daysToRenewal
    term
    licenceType
    startsOn
    endsOn
    seatsTotal
    seatsUsed
    renewal
    scheduledSeats
    cancelAtTermEnd
    version
    products {
      product {
        id
        code
        name
      }
    }
  }
`);

export const CustomerContractsDocument = graphql(`
  query CustomerContracts($customerId: UUID!, $first: Int, $after: String) {
    customerContracts(customerId: $customerId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          startsOn
          endsOn
          status
          daysToRenewal
          seatsTotal
          seatsUsed
          team {
            id
            name
          }
          subscriptions {
            ...VendorSubscriptionFields
          }
        }
      }
    }
  }
`);

export const ContractChoicesDocument = graphql(`
  query ContractChoices($customerId: UUID!) {
    contractProductChoices {
      id
      code
      name
    }
    customerTeamChoices(customerId: $customerId) {
      id
      name
    }
  }
`);

export const CreateCustomerContractDocument = graphql(`
  mutation CreateCustomerContract($input: CreateContractInput!) {
    createCustomerContract(input: $input) {
      id
      number
    }
  }
`);

export const ChangeSubscriptionSeatsDocument = graphql(`
  mutation ChangeSubscriptionSeats($input: ChangeSeatsInput!) {
    changeSubscriptionSeats(input: $input) {
      ...VendorSubscriptionFields
    }
  }
`);

export const RenewSubscriptionDocument = graphql(`
  mutation RenewSubscription($input: RenewSubscriptionInput!) {
    renewSubscription(input: $input) {
      ...VendorSubscriptionFields
    }
  }
`);

export const CancelSubscriptionDocument = graphql(`
  mutation CancelSubscription($input: CancelSubscriptionInput!) {
    cancelSubscription(input: $input) {
      ...VendorSubscriptionFields
    }
  }
`);

export const PurchaseCloudCreditsDocument = graphql(`
  mutation PurchaseCloudCredits($input: PurchaseCloudCreditsInput!) {
    purchaseCloudCredits(input: $input) {
      credits
      balance
      subscription {
        ...VendorSubscriptionFields
      }
    }
  }
`);
