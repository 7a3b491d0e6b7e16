import { graphql } from '../../gql/sign-in';

export const CompleteSignInDocument = graphql(`
  mutation CompleteSignIn($input: CompleteSignInInput!) {
    completeSignIn(input: $input) {
      staff {
        id
        role
      }
      viewer {
        ...ViewerFields
      }
    }
  }
`);

export const SendSignInSmsCodeDocument = graphql(`
  mutation SendSignInSmsCode {
    sendSignInSmsCode {
      phoneHint
    }
  }
`);
