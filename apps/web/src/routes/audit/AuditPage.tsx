import { useApolloClient, useQuery } from '@apollo/client/react';
import { Badge, Button, Code, Group, Modal, MultiSelect, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { customerAuditActionGroups } from '@seatwise/schema/client';
import { actionLabelKey } from './auditActions';
import type { AuditLogQuery } from '../../gql/graphql';
import { downloadText } from '../../ui/download';
import { DayInput } from '../../ui/DayInput';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { AuditLogCsvDocument, AuditLogDocument } from './audit.graphql';
import { SkeletonRows } from '../../ui/TableSkeleton';

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];
const PAGE = 25;

/** Day boundaries in the viewer's time zone, as the API's ISO instants. */
const startOf = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : null);
const endOf = (day: string) => (day ? new Date(new Date(`${day}T00:00:00`).getTime() + 86_400_000).toISOString() : null);

/** F-63: who did what and when, with before and after; filters and CSV export. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const [actions, setActions] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<Entry | null>(null);
  const target = params.get('target');
  const filter = { actions: actions.length ? actions : null, from: startOf(from), to: endOf(to), targetId: target };
  const key = JSON.stringify(filter);
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key, cursors: [] });
  const cursors = paging.key === key ? paging.cursors : [];
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogDocument, {
    variables: { first: PAGE, after: cursors.at(-1) ?? null, filter },
    fetchPolicy: 'cache-and-network',
  });
  const log = (data ?? previousData)?.auditLog;
  const [exporting, setExporting] = useState(false);

  async function exportCsv() {
    setExporting(true);
    try {
      const result = await client.query({ query: AuditLogCsvDocument, variables: { filter }, fetchPolicy: 'network-only' });
      if (result.data) downloadText('seatwise-audit-log.csv', result.data.auditLogCsv);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audit.title')}
        description={t('audit.subtitle')}
        aside={
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportCsv()}>
            {t('audit.export')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <MultiSelect
            label={t('audit.action')}
            placeholder={actions.length ? undefined : t('audit.anyAction')}
            data={Object.entries(customerAuditActionGroups).map(([group, members]) => ({
              group: t(`audit.actionGroups.${group}`),
              items: members.map((action) => ({ value: action, label: t(actionLabelKey(action)) })),
            }))}
            value={actions}
            onChange={setActions}
            clearable
            searchable
          />
          <DayInput label={t('audit.from')} value={from} max={to} onChange={setFrom} clearable />
          <DayInput label={t('audit.to')} value={to} min={from} onChange={setTo} clearable />
        </SimpleGrid>
        {target && (
          <Group mt="sm" gap="xs">
            <Badge variant="light">{t('audit.onlyTarget')}</Badge>
            <Button size="compact-xs" variant="subtle" onClick={() => setParams({})}>
              {t('audit.allTargets')}
            </Button>
          </Group>
        )}
      </Paper>
      {error && !log ? (
        <ErrorPanel title={t('audit.errorTitle')} onRetry={() => void refetch()} />
      ) : log && log.edges.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {t('audit.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="sm" aria-busy={loading} style={{ opacity: loading && log ? 0.6 : 1 }}>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('audit.when')}</Table.Th>
                  <Table.Th>{t('audit.who')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.what')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log
                  ? log.edges.map(({ node }) => (
                      <Table.Tr key={node.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(node.createdAt, i18n.language)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{node.actorName ?? (node.byDirectory ? t('audit.directory') : node.bySingleSignOn ? t('audit.singleSignOn') : t('audit.system'))}</Text>
                        </Table.Td>
                        <Table.Td>
                          {/* Plain text rather than a badge: a badge cuts a long action's name off. */}
                          <Text size="sm" fw={500} miw={110}>
                            {t(actionLabelKey(node.action), { defaultValue: node.action })}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{node.summary}</Text>
                        </Table.Td>
                        <Table.Td>
                          {(node.before != null || node.after != null) && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => setOpen(node)}
                              aria-label={`${t('audit.details')}: ${node.summary}, ${formatDateTime(node.createdAt, i18n.language)}`}
                            >
                              {t('audit.details')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : <SkeletonRows rows={6} columns={5} />}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {log && (
            <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} component="nav" aria-label={t('audit.pages')}>
              <Text size="sm" c="dimmed">
                {t('audit.count', { count: log.totalCount })}
              </Text>
              <Group gap="xs">
                <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={cursors.length === 0 || loading} onClick={() => setPaging({ key, cursors: cursors.slice(0, -1) })}>
                  {t('users.previous')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  rightSection={<IconChevronRight size={14} />}
                  disabled={!log.pageInfo.hasNextPage || loading}
                  onClick={() => setPaging({ key, cursors: [...cursors, log.pageInfo.endCursor!] })}
                >
                  {t('users.next')}
                </Button>
              </Group>
            </Group>
          )}
        </Paper>
      )}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.summary} size="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('audit.before')}
            </Text>
            <Code block>{open?.before ? JSON.stringify(open.before, null, 2) : '—'}</Code>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('audit.after')}
            </Text>
            <Code block>{open?.after ? JSON.stringify(open.after, null, 2) : '—'}</Code>
          </Stack>
        </SimpleGrid>
      </Modal>
    </Stack>
  );
}
