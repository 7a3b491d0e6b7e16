import { graphql } from '../../gql';

export const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        ...ViewerFields
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
