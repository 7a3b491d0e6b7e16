import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, FileInput, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReportFieldsFragment } from '../../../gql/graphql';
import { useApiErrorText } from '../../../ui/apiError';
import { downloadText } from '../../../ui/download';
import { FormError } from '../../../ui/FormError';
import { PageHeader } from '../../../ui/PageHeader';
import { ImportUsersDocument, PreviewUserImportDocument, UserImportTemplateDocument } from './import.graphql';
import { ImportReportTable } from './ImportReportTable';

type Stage = 'idle' | 'reading' | 'checking' | 'importing' | 'done';
const progressOf: Record<Stage, number> = { idle: 0, reading: 15, checking: 50, importing: 80, done: 100 };

/** F-43 "Import": upload a CSV, preview every row, then import all valid rows at once. */
export function ImportPage() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const client = useApolloClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>('idle');
  const [report, setReport] = useState<ImportReportFieldsFragment | null>(null);
  const [preview, previewState] = useMutation(PreviewUserImportDocument);
  const [commit, commitState] = useMutation(ImportUsersDocument, { refetchQueries: ['UsersPage', 'Invitations'] });
  const error = previewState.error ?? commitState.error;

  async function choose(chosen: File | null) {
    setFile(chosen);
    setReport(null);
    previewState.reset();
    commitState.reset();
    if (!chosen) return setStage('idle');
    setStage('reading');
    const text = await chosen.text();
    setCsv(text);
    setStage('checking');
    const result = await preview({ variables: { input: { csv: text } } }).catch(() => null);
    setReport(result?.data?.previewUserImport ?? null);
    setStage(result?.data ? 'done' : 'idle');
  }

  async function runImport() {
    if (!csv) return;
    setStage('importing');
    const result = await commit({ variables: { input: { csv, sendInvitations: true } } }).catch(() => null);
    if (result?.data) setReport(result.data.importUsers);
    setStage('done');
  }

  async function template() {
    const { data } = await client.query({ query: UserImportTemplateDocument });
    if (data) downloadText('seatwise-users-template.csv', data.userImportTemplate);
  }

  const busy = stage === 'reading' || stage === 'checking' || stage === 'importing';
  const valid = report ? report.created + report.updated : 0;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/users" size="sm">
        ← {t('userDetails.back')}
      </Anchor>
      <PageHeader
        title={t('import.title')}
        description={t('import.subtitle')}
        aside={
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void template()}>
            {t('import.template')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack>
          <FileInput
            label={t('import.file')}
            description={t('import.fileHelp')}
            placeholder={t('import.choose')}
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={16} />}
            value={file}
            onChange={(chosen) => void choose(chosen)}
            clearable
            disabled={busy}
          />
          {stage !== 'idle' && (
            <Stack gap={4} aria-live="polite">
              <Progress value={progressOf[stage]} animated={busy} striped={busy} aria-label={t(`import.stages.${stage}`)} />
              <Text size="sm" c="dimmed">
                {t(`import.stages.${stage}`)}
              </Text>
            </Stack>
          )}
          <FormError message={errorText(error)} />
        </Stack>
      </Paper>
      {report && (
        <Paper withBorder radius="md" p="md">
          <Stack>
            <Alert color={report.committed ? 'teal' : 'blue'} variant="light" role="status">
              {report.committed
                ? t('import.done', { created: report.created, updated: report.updated, unchanged: report.unchanged, errors: report.errors })
                : t('import.previewSummary', { created: report.created, updated: report.updated, unchanged: report.unchanged, errors: report.errors })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => downloadText('seatwise-import-report.csv', report.csv)}>
                {t('import.downloadReport')}
              </Button>
              {!report.committed && (
                <Button onClick={() => void runImport()} disabled={valid === 0} loading={stage === 'importing'}>
                  {t('import.run', { count: valid })}
                </Button>
              )}
            </Group>
            <ImportReportTable key={String(report.committed)} report={report} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
