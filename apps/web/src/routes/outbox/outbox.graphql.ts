import { graphql } from '../../gql/outbox';

export const OutboxDocument = graphql(`
  query Outbox($first: Int, $after: String, $search: String) {
    outbox(first: $first, after: $after, search: $search) {
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
