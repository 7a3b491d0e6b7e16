import { graphql } from '../../gql/users';

export const AssignableSubscriptionsDocument = graphql(`
  query AssignableSubscriptions {
    assignableSubscriptions {
      id
      name
      productNames
      seats
      assigned
      available
      endsOn
    }
  }
`);

export const InviteUserDocument = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      email
      status
    }
  }
`);

export const InviteUsersDocument = graphql(`
  mutation InviteUsers($input: InviteUsersInput!) {
    inviteUsers(input: $input) {
      invitedCount
      rows {
        row
        email
        ok
        field
        message
        reason
        detail
        problems {
          field
          message
          reason
          detail
        }
      }
    }
  }
`);

export const BulkAssignSeatsDocument = graphql(`
  mutation BulkAssignSeats($input: BulkAssignSeatsInput!) {
    bulkAssignSeats(input: $input) {
      assigned
      alreadyAssigned
      subscription {
        id
        available
      }
    }
  }
`);
