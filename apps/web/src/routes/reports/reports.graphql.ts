import { graphql } from '../../gql/reports';

export const InsightsDocument = graphql(`
  query Insights($teamId: UUID) {
    insights(teamId: $teamId) {
      team {
        id
        name
      }
      product {
        id
        name
      }
      purchased
      assigned
      unassigned
    }
    teams(first: 100) {
      ...TeamChoices
    }
  }
`);

/** The figures above every Seat Usage tab: they do not depend on the products, which are read only by their tab. */
export const SeatUsageSummaryDocument = graphql(`
  query SeatUsageSummary($range: DateRangeInput!) {
    seatUsage(range: $range) {
      from
      to
      unassignedSeats
      idle30
      idle60
      idle90
    }
  }
`);

export const SeatUsageProductsDocument = graphql(`
  query SeatUsageProducts($range: DateRangeInput!) {
    seatUsage(range: $range) {
      from
      to
      bucketDays
      unassignedSeats
      products {
        product {
          id
          name
        }
        seatsTotal
        seatsAssigned
        seatsUnassigned
        activeUsers
        daysUsed
        minutes
        trend {
          start
          activeUsers
        }
      }
    }
  }
`);

export const SeatUsageByUserDocument = graphql(`
  query SeatUsageByUser($range: DateRangeInput!, $filter: SeatUsageFilter, $orderBy: SeatUsageOrder, $first: Int, $offset: Int) {
    seatUsageByUser(range: $range, filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
      totalCount
      bucketDays
      rows {
        assignmentId
        user {
          id
          name
          email
        }
        subscription {
          id
          name
        }
        assignedOn
        lastUsedOn
        daysUsed
        minutes
        idleDays
        trend
        removed
      }
    }
  }
`);

export const ReclaimSeatDocument = graphql(`
  mutation ReclaimSeat($input: UnassignSeatInput!) {
    unassignSeat(input: $input) {
      id
    }
  }
`);

export const CloudUsageDocument = graphql(`
  query CloudUsage($range: DateRangeInput!) {
    cloudServicesUsage(range: $range) {
      bucketDays
      balances {
        subscription {
          id
          name
          serialNumber
        }
        contract {
          id
          number
        }
        purchased
        consumed
        remaining
        consumedInRange
      }
      services {
        service
        credits
        trend {
          start
          credits
        }
      }
    }
    cloudServicesUsageByUser(range: $range) {
      user {
        id
        name
        email
      }
      credits
      services {
        service
        credits
      }
      lastUsedOn
    }
  }
`);

export const CloudCreditAlertsDocument = graphql(`
  query CloudCreditAlerts {
    cloudCreditAlerts {
      threshold
      warnings {
        subscription {
          id
          name
        }
        remaining
        level
      }
    }
  }
`);

export const SetCloudCreditAlertDocument = graphql(`
  mutation SetCloudCreditAlert($input: SetCloudCreditAlertInput!) {
    setCloudCreditAlert(input: $input) {
      threshold
      warnings {
        subscription {
          id
          name
        }
        remaining
        level
      }
    }
  }
`);
