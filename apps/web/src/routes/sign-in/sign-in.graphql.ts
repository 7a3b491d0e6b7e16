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

export const SingleSignOnRoutesDocument = graphql(`
  query SingleSignOnRoutes($email: String!) {
    singleSignOnRoutes(email: $email)
  }
`);

export const BeginSingleSignOnDocument = graphql(`
  mutation BeginSingleSignOn($email: String!) {
    beginSingleSignOn(email: $email) {
      redirectUrl
    }
  }
`);
