import { graphql } from '../../gql/teams';

export const TeamsDocument = graphql(`
  query Teams {
    teams {
      id
      name
      memberCount
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
