import { graphql } from '../../gql/sign-in';

export const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        ...ViewerFields
      }
      secondStep {
        method
        phoneHint
        expiresAt
      }
      staff {
        id
        role
      }
    }
  }
`);

export const SignInServerInfoDocument = graphql(`
  query SignInServerInfo {
    serverInfo {
      demo
    }
  }
`);
