import { graphql } from '../../gql/users';

export const UsersPageDocument = graphql(`
  query UsersPage($first: Int!, $after: String, $filter: UsersFilter, $orderBy: UsersOrder) {
    users(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          name
          email
          role
          status
          seatCount
          lastSignInAt
          team {
            id
            name
          }
        }
      }
    }
  }
`);

export const UsersTeamsDocument = graphql(`
  query UsersTeams {
    teams(first: 100) {
      ...TeamChoices
    }
  }
`);

/** The products the account holds, for the product filter. */
export const UsersProductsDocument = graphql(`
  query UsersProducts {
    productEntitlements {
      id
      code
      name
    }
  }
`);
