import { graphql } from '../../gql/reports';

export const ReportExportFieldsFragment = graphql(`
  fragment ReportExportFields on ReportExport {
    id
    name
    kind
    format
    frequency
    weekday
    dayOfMonth
    hour
    timeZone
    rangeKind
    rangeDays
    nextRunAt
    lastRunAt
    recipients {
      id
      name
      email
    }
  }
`);

export const ScheduledExportsDocument = graphql(`
  query ScheduledExports($first: Int, $after: String) {
    reportExports(first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...ReportExportFields
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
    exportRetention {
      days
    }
    users(first: 100) {
      edges {
        node {
          id
          name
          email
          status
        }
      }
    }
  }
`);

export const ReportExportRunsDocument = graphql(`
  query ReportExportRuns($exportId: UUID!) {
    reportExportRuns(exportId: $exportId, first: 20) {
      totalCount
      edges {
        node {
          id
          slotAt
          status
          attempts
          finishedAt
          error
          rangeFrom
          rangeTo
          fileName
          rowCount
          sizeBytes
          expiresAt
        }
      }
    }
  }
`);

export const CreateReportExportDocument = graphql(`
  mutation CreateReportExport($input: ReportExportInput!) {
    createReportExport(input: $input) {
      ...ReportExportFields
    }
  }
`);

export const DeleteReportExportDocument = graphql(`
  mutation DeleteReportExport($id: UUID!) {
    deleteReportExport(id: $id) {
      id
    }
  }
`);

export const RunReportExportNowDocument = graphql(`
  mutation RunReportExportNow($id: UUID!) {
    runReportExportNow(id: $id) {
      id
      status
    }
  }
`);

export const ReportExportRunLinkDocument = graphql(`
  mutation ReportExportRunLink($runId: UUID!) {
    createReportExportRunLink(runId: $runId) {
      url
      expiresAt
    }
  }
`);

export const SetExportRetentionDocument = graphql(`
  mutation SetExportRetention($days: Int) {
    setExportRetention(days: $days) {
      days
    }
  }
`);
