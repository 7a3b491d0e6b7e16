import { graphql } from '../../gql/subscriptions';

export const SubscriptionsPageDocument = graphql(`
  query SubscriptionsPage($filter: SubscriptionsFilter, $orderBy: SubscriptionsOrder, $subscriptionsAfter: String, $contractsAfter: String) {
    subscriptions(filter: $filter, orderBy: $orderBy, first: 25, after: $subscriptionsAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          serialNumber
          status
          daysToRenewal
          term
          licenceType
          endsOn
          seatsTotal
          seatsUsed
          team {
            id
            name
          }
          contract {
            id
            number
          }
        }
      }
    }
    contracts(filter: $filter, first: 25, after: $contractsAfter) {
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
            id
          }
        }
      }
    }
    teams(first: 100) {
      ...TeamChoices
    }
  }
`);

export const ContractDetailsDocument = graphql(`
  query ContractDetails($id: UUID!) {
    contract(id: $id) {
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
        id
        name
        serialNumber
        status
        daysToRenewal
        term
        licenceType
        startsOn
        endsOn
        renewal
        cancelAtTermEnd
        seatsTotal
        seatsUsed
        products {
          product {
            id
            code
            name
          }
          seatsTotal
          seatsUsed
        }
      }
    }
  }
`);

export const MoveSubscriptionsToTeamDocument = graphql(`
  mutation MoveSubscriptionsToTeam($input: MoveSubscriptionsToTeamInput!) {
    moveSubscriptionsToTeam(input: $input)
  }
`);

export const NetworkSeatsDocument = graphql(`
  query NetworkSeats($id: UUID!) {
    networkSeats(subscriptionId: $id) {
      subscriptionId
      subscriptionName
      seats
      inLicenceFiles
      free
      heartbeatSeconds
      leases {
        id
        userId
        personName
        email
        productName
        version
        machineName
        platform
        checkedOutAt
        lastHeartbeatAt
        expiresAt
      }
    }
  }
`);

export const ReleaseNetworkLeaseDocument = graphql(`
  mutation ReleaseNetworkLease($id: UUID!) {
    releaseNetworkLease(id: $id)
  }
`);
