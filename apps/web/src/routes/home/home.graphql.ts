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
      recentSupportRequests {
        id
        subject
        status
        category
        createdAt
        openedBy
        closedAt
        replyCount
        lastReplyAt
      }
      openSupportRequestCount
    }
  }
`);

export const SupportThreadDocument = graphql(`
  query SupportThread($id: UUID!) {
    supportRequest(id: $id) {
      request {
        id
        subject
        status
        category
        createdAt
        openedBy
        closedAt
        replyCount
      }
      messages {
        id
        author
        authorName
        body
        createdAt
      }
    }
  }
`);

export const OpenSupportRequestDocument = graphql(`
  mutation OpenSupportRequest($input: OpenSupportRequestInput!) {
    openSupportRequest(input: $input) {
      id
      subject
      status
      category
    }
  }
`);

export const AddSupportMessageDocument = graphql(`
  mutation AddSupportMessage($input: AddSupportMessageInput!) {
    addSupportMessage(input: $input) {
      request {
        id
        status
        closedAt
      }
    }
  }
`);

export const SupportRequestsDocument = graphql(`
  query SupportRequests($first: Int, $after: String, $filter: SupportRequestsFilter) {
    supportRequests(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          subject
          status
          category
          createdAt
          lastActivityAt
          openedBy
          replyCount
        }
      }
    }
  }
`);

export const HomeCloudCreditAlertsDocument = graphql(`
  query HomeCloudCreditAlerts {
    cloudCreditAlerts {
      warnings {
        subscription {
          id
          name
        }
        remaining
        level
      }
    }
  }
`);
