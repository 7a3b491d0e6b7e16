import { graphql } from '../../../gql/users';

export const UserImportTemplateDocument = graphql(`
  query UserImportTemplate {
    userImportTemplate
  }
`);

export const PreviewUserImportDocument = graphql(`
  mutation PreviewUserImport($input: UserImportInput!) {
    previewUserImport(input: $input) {
      ...ImportReportFields
    }
  }
`);

export const ImportUsersDocument = graphql(`
  mutation ImportUsers($input: UserImportInput!) {
    importUsers(input: $input) {
      ...ImportReportFields
    }
  }
`);

export const ImportReportFields = graphql(`
  fragment ImportReportFields on UserImportReport {
    committed
    created
    updated
    unchanged
    errors
    # The server writes the report file, with the same neutralised cells as every other CSV.
    csv
    rows {
      line
      email
      status
      field
      message
      reason
      detail
    }
  }
`);
