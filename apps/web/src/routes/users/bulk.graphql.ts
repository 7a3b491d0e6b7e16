import { graphql } from '../../gql/users';

export const BulkOutcomeFields = graphql(`
  fragment BulkOutcomeFields on BulkUsersResult {
    actionId
    done
    refused
    outcomes {
      userId
      done
      changed
      code
      message
    }
  }
`);

export const BulkUnassignProductDocument = graphql(`
  mutation BulkUnassignProduct($input: BulkUnassignProductInput!) {
    bulkUnassignProduct(input: $input) {
      ...BulkOutcomeFields
    }
  }
`);

export const BulkRemoveUsersDocument = graphql(`
  mutation BulkRemoveUsers($input: BulkUsersInput!) {
    bulkRemoveUsers(input: $input) {
      ...BulkOutcomeFields
    }
  }
`);

export const BulkChangeRoleDocument = graphql(`
  mutation BulkChangeRole($input: BulkChangeRoleInput!) {
    bulkChangeRole(input: $input) {
      ...BulkOutcomeFields
    }
  }
`);

export const BulkResendInvitationsDocument = graphql(`
  mutation BulkResendInvitations($input: BulkUsersInput!) {
    bulkResendInvitations(input: $input) {
      ...BulkOutcomeFields
    }
  }
`);

export const UndoSeatChangeDocument = graphql(`
  mutation UndoSeatChange($input: UndoSeatChangeInput!) {
    undoSeatChange(input: $input) {
      actionId
      restored {
        id
        event
      }
    }
  }
`);

/** A person's latest ledger entries: the Undo of a single unassignment finds its entry here. */
export const PersonSeatLedgerDocument = graphql(`
  query PersonSeatLedger($userId: UUID!) {
    seatLedger(first: 20, filter: { userId: $userId }) {
      edges {
        node {
          id
          actionId
          event
          seatId
          undoneAt
          undoableUntil
        }
      }
    }
  }
`);
