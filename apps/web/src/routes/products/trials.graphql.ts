import { graphql } from '../../gql/products';

export const TrialsPageDocument = graphql(`
  query TrialsPage($first: Int, $after: String) {
    trialOffers {
      productId
      productName
      description
      days
      started
      licensed
    }
    trials(first: $first, after: $after) {
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          productId
          productName
          versionId
          startedAt
          endsAt
          daysLeft
          active
        }
      }
    }
  }
`);

export const StartTrialDocument = graphql(`
  mutation StartTrial($productId: UUID!) {
    startTrial(productId: $productId) {
      id
      daysLeft
    }
  }
`);
