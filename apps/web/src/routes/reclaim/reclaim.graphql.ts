import { graphql } from '../../gql/reclaim';

export const ReclaimPoliciesDocument = graphql(`
  query ReclaimPolicies {
    reclaimPolicies(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          subscriptionName
          signal
          thresholdDays
          graceDays
          enabled
          version
          pendingNotices
          exclusions {
            userIds
            teamIds
            roles
          }
        }
      }
    }
    reclaimedSeatsByMonth(months: 6) {
      month
      reclaimed
      restored
      net
    }
  }
`);

export const ReclaimChoicesDocument = graphql(`
  query ReclaimChoices {
    assignableSubscriptions {
      id
      name
    }
    teams(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const ReclaimDryRunDocument = graphql(`
  query ReclaimDryRun($id: UUID!) {
    reclaimDryRun(id: $id) {
      policyId
      version
      totalCount
      excludedCount
      candidates {
        seatId
        email
        name
        subscriptionName
        lastUsedOn
        idleDays
        reason
        reclaimOn
      }
    }
  }
`);

export const CreateReclaimPolicyDocument = graphql(`
  mutation CreateReclaimPolicy($input: CreateReclaimPolicyInput!) {
    createReclaimPolicy(input: $input) {
      id
      version
    }
  }
`);

export const SetReclaimPolicyEnabledDocument = graphql(`
  mutation SetReclaimPolicyEnabled($input: SetReclaimPolicyEnabledInput!) {
    setReclaimPolicyEnabled(input: $input) {
      id
      enabled
      version
    }
  }
`);
