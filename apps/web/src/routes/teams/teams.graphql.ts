import { graphql } from '../../gql/teams';

/** The teams a picker offers (the first 100 by name), spread by every screen with a team picker. */
export const TeamChoicesFragment = graphql(`
  fragment TeamChoices on TeamConnection {
    edges {
      node {
        id
        name
      }
    }
  }
`);

export const TeamsDocument = graphql(`
  query Teams($first: Int, $after: String) {
    teams(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          memberCount
        }
      }
    }
  }
`);

export const TeamPickerDocument = graphql(`
  query TeamPicker {
    teams(first: 100) {
      ...TeamChoices
    }
  }
`);

export const CreateTeamDocument = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
      name
    }
  }
`);

export const RenameTeamDocument = graphql(`
  mutation RenameTeam($input: RenameTeamInput!) {
    renameTeam(input: $input) {
      id
      name
    }
  }
`);

export const DeleteTeamDocument = graphql(`
  mutation DeleteTeam($input: DeleteTeamInput!) {
    deleteTeam(input: $input)
  }
`);
