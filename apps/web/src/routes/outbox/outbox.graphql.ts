import { graphql } from '../../gql/outbox';

export const OutboxDocument = graphql(`
  query Outbox($first: Int, $after: String) {
    outbox(first: $first, after: $after) {
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
