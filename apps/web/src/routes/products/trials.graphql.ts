import { graphql } from '../../gql/products';

export const TrialsPageDocument = graphql(`
  query TrialsPage {
    trialOffers {
      productId
      productName
      description
      days
      started
      licensed
    }
    trials {
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
`);

export const StartTrialDocument = graphql(`
  mutation StartTrial($productId: UUID!) {
    startTrial(productId: $productId) {
      id
      daysLeft
    }
  }
`);
