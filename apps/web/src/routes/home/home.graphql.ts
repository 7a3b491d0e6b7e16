import { graphql } from '../../gql/home';

export const AdminHomeDocument = graphql(`
  query AdminHome {
    adminHome {
      releases {
        product {
          id
          name
        }
        version
        releasedOn
      }
      renewals {
        id
        name
        status
        daysToRenewal
        endsOn
        contract {
          id
        }
      }
      subscriptionEvents {
        id
        kind
        at
        subscriptionName
        amount
        effectiveOn
      }
      renewingIn30
      renewingIn60
      renewingIn90
      expired
      openSupportRequests {
        id
        subject
        createdAt
        openedBy
      }
      openSupportRequestCount
    }
  }
`);

export const OpenSupportRequestDocument = graphql(`
  mutation OpenSupportRequest($input: OpenSupportRequestInput!) {
    openSupportRequest(input: $input) {
      id
      subject
    }
  }
`);
