import { graphql } from '../../gql/outbox';

export const OutboxDocument = graphql(`
  query Outbox {
    outbox(first: 50) {
      id
      channel
      to
      subject
      text
      sentAt
    }
  }
`);
