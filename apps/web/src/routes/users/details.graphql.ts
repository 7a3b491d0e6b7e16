import { graphql } from '../../gql/users';

export const UserDetailsDocument = graphql(`
  query UserDetails($id: UUID!) {
    user(id: $id) {
      id
      name
      firstName
      lastName
      email
      role
      status
      version
      joinedAt
      lastSignInAt
      team {
        id
        name
      }
    }
    userSeats(userId: $id) {
      id
      assignedAt
      subscription {
        id
        name
        productNames
        available
        seats
      }
    }
    teams(first: 100) {
      ...TeamChoices
    }
  }
`);

export const AssignSeatDocument = graphql(`
  mutation AssignSeat($input: AssignSeatInput!) {
    assignSeat(input: $input) {
      id
    }
  }
`);

export const UnassignSeatDocument = graphql(`
  mutation UnassignSeat($input: UnassignSeatInput!) {
    unassignSeat(input: $input) {
      id
      available
    }
  }
`);

export const ChangeRoleDocument = graphql(`
  mutation ChangeRole($input: ChangeRoleInput!) {
    changeRole(input: $input) {
      id
      role
      version
    }
  }
`);

export const RemoveUserDocument = graphql(`
  mutation RemoveUser($input: RemoveUserInput!) {
    removeUser(input: $input) {
      id
      status
    }
  }
`);

export const MoveUsersToTeamDocument = graphql(`
  mutation MoveUsersToTeam($input: MoveUsersToTeamInput!) {
    moveUsersToTeam(input: $input)
  }
`);

export const TransferPrimaryAdminDocument = graphql(`
  mutation TransferPrimaryAdmin($input: TransferPrimaryAdminInput!) {
    transferPrimaryAdmin(input: $input) {
      id
      role
    }
  }
`);

export const UserDevicesDocument = graphql(`
  query UserDevices($userId: UUID!, $first: Int, $after: String) {
    userDevices(userId: $userId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          platform
          productName
          lastVersion
          firstCheckoutAt
          lastCheckoutAt
        }
      }
    }
  }
`);

export const RevokeDeviceDocument = graphql(`
  mutation RevokeDevice($id: UUID!) {
    revokeDevice(id: $id)
  }
`);
