import { graphql } from '../../gql/setup';

export const OperatorSetupLinkDocument = graphql(`
  query OperatorSetupLink($token: String!) {
    operatorSetupLink(token: $token) {
      email
      role
      expiresAt
    }
  }
`);

export const BeginOperatorSetupDocument = graphql(`
  mutation BeginOperatorSetup($input: BeginOperatorSetupInput!) {
    beginOperatorSetup(input: $input) {
      secret
      otpauthUri
      qrCodeDataUrl
    }
  }
`);

export const CompleteOperatorSetupDocument = graphql(`
  mutation CompleteOperatorSetup($input: CompleteOperatorSetupInput!) {
    completeOperatorSetup(input: $input) {
      staff {
        id
        email
        role
      }
      recoveryCodes
    }
  }
`);
