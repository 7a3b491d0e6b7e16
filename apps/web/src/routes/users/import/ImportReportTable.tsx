import { Badge, Group, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportRowReason, ImportRowStatus } from '@seatwise/schema/client';
import type { ImportReportFieldsFragment } from '../../../gql/graphql';

const PAGE = 50;
const colors: Record<ImportRowStatus, string> = { CREATE: 'teal', UPDATE: 'blue', UNCHANGED: 'gray', ERROR: 'red' };

/** The reason in the UI language; a change list names each changed column. */
function reasonText(t: TFunction, reason: ImportRowReason, detail: string | null): string {
  const value = reason === 'CHANGES' ? (detail ?? '').split(',').map((key) => t(`import.changed.${key}`)).join(', ') : (detail ?? '');
  return t(`import.reasons.${reason}`, { value });
}

/** Every row of a preview or an import, filterable by outcome, 50 to a page. */
export function ImportReportTable({ report }: { report: ImportReportFieldsFragment }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<'ALL' | ImportRowStatus>(report.errors ? 'ERROR' : 'ALL');
  const [page, setPage] = useState(1);
  const rows = shown === 'ALL' ? report.rows : report.rows.filter((row) => row.status === shown);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages);

  return (
    <Stack gap="sm">
      <SegmentedControl
        value={shown}
        onChange={(value) => {
          setShown(value as typeof shown);
          setPage(1);
        }}
        data={[
          { value: 'ALL', label: t('import.all', { count: report.rows.length }) },
          { value: 'CREATE', label: t('import.statuses.CREATE', { count: report.created }) },
          { value: 'UPDATE', label: t('import.statuses.UPDATE', { count: report.updated }) },
          { value: 'UNCHANGED', label: t('import.statuses.UNCHANGED', { count: report.unchanged }) },
          { value: 'ERROR', label: t('import.statuses.ERROR', { count: report.errors }) },
        ]}
        style={{ overflowX: 'auto' }}
      />
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing="xs" striped aria-label={t('import.rowsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.line')}</Table.Th>
              <Table.Th>{t('users.columns.email')}</Table.Th>
              <Table.Th>{t('import.outcome')}</Table.Th>
              <Table.Th>{t('import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice((current - 1) * PAGE, current * PAGE).map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>{row.email}</Table.Td>
                <Table.Td>
                  <Badge color={colors[row.status]} variant="light">
                    {t(`import.outcomes.${row.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={row.status === 'ERROR' ? 'red' : 'dimmed'}>
                    {row.field ? `${t(`import.columns.${row.field}`)}: ` : ''}
                    {row.reason ? reasonText(t, row.reason, row.detail) : row.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={current} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
