import { graphql } from '../../gql/outbox';

export const OutboxDocument = graphql(`
  query Outbox($first: Int, $after: String, $filter: OutboxFilter) {
    outbox(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          channel
          to
          subject
          text
          sentAt
        }
      }
    }
  }
`);
