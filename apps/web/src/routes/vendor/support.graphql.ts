import { graphql } from '../../gql/vendor';

export const SupportInboxDocument = graphql(`
  query SupportInbox($first: Int, $after: String, $filter: SupportInboxFilter, $orderBy: SupportInboxOrder) {
    supportInbox(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          customerId
          customerName
          openedBy
          openedByEmail
          messageCount
        }
      }
    }
  }
`);

export const InboxThreadFieldsFragment = graphql(`
  fragment InboxThreadFields on InboxSupportThread {
    request {
      id
      subject
      status
      category
      createdAt
      lastActivityAt
      closedAt
      customerId
      customerName
      openedBy
      openedByEmail
      messageCount
    }
    messages {
      id
      author
      authorName
      body
      createdAt
    }
  }
`);

export const InboxSupportRequestDocument = graphql(`
  query InboxSupportRequest($id: UUID!) {
    inboxSupportRequest(id: $id) {
      ...InboxThreadFields
    }
  }
`);

export const ReplyToSupportRequestDocument = graphql(`
  mutation ReplyToSupportRequest($input: ReplyToSupportRequestInput!) {
    replyToSupportRequest(input: $input) {
      ...InboxThreadFields
    }
  }
`);

export const CloseSupportRequestDocument = graphql(`
  mutation CloseSupportRequest($id: UUID!) {
    closeSupportRequest(id: $id) {
      ...InboxThreadFields
    }
  }
`);

export const ReopenSupportRequestDocument = graphql(`
  mutation ReopenSupportRequest($id: UUID!) {
    reopenSupportRequest(id: $id) {
      ...InboxThreadFields
    }
  }
`);
