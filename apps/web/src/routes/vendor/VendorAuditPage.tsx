import { useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { SkeletonRows } from '../../ui/TableSkeleton';
import { VendorAuditLogDocument } from './vendor.graphql';

/** The vendor audit log: what the vendor's staff did and read, newest first. */
export function VendorAuditPage() {
  const { t, i18n } = useTranslation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { data, loading, error, refetch } = useQuery(VendorAuditLogDocument, { variables: { after: cursors.at(-1) ?? null }, fetchPolicy: 'network-only' });
  const log = data?.vendorAuditLog;
  return (
    <Stack gap="lg">
      <PageHeader title={t('vendor.audit.title')} description={t('vendor.audit.description')} />
      {error && !data ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vendor.audit.when')}</Table.Th>
                  <Table.Th>{t('vendor.audit.who')}</Table.Th>
                  <Table.Th>{t('vendor.audit.customer')}</Table.Th>
                  <Table.Th>{t('vendor.audit.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loading && !log ? (
                  <SkeletonRows rows={5} columns={4} />
                ) : (
                  log?.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(node.at, i18n.language)}</Table.Td>
                      <Table.Td>{node.actorEmail ?? t('vendor.audit.commandLine')}</Table.Td>
                      <Table.Td>{node.customerName ?? '—'}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {t(`vendor.audit.actions.${node.action}`, { defaultValue: node.action })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {node.summary}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Group justify="flex-end">
        <Button variant="default" disabled={cursors.length < 2} onClick={() => setCursors((list) => list.slice(0, -1))}>
          {t('vendor.previous')}
        </Button>
        <Button variant="default" disabled={!log?.pageInfo.hasNextPage} onClick={() => log?.pageInfo.endCursor && setCursors((list) => [...list, log.pageInfo.endCursor])}>
          {t('vendor.next')}
        </Button>
      </Group>
    </Stack>
  );
}
