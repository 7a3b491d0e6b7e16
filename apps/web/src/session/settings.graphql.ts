import { graphql } from '../gql/session';

/** Language and notification channels: saved by the Settings tab and by the language menu. */
export const UpdateSettingsDocument = graphql(`
  mutation UpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      language
      notifications {
        category
        channel
      }
    }
  }
`);
