import { graphql } from '../../gql/profile';

export const ProfileFieldsFragment = graphql(`
  fragment ProfileFields on Profile {
    id
    email
    firstName
    lastName
    phone
    company
    country
    language
  }
`);

export const MyProfileDocument = graphql(`
  query MyProfile {
    myProfile {
      ...ProfileFields
    }
  }
`);

export const UpdateProfileDocument = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`);

export const MySettingsDocument = graphql(`
  query MySettings {
    mySettings {
      language
      notifications {
        category
        channel
      }
    }
  }
`);
