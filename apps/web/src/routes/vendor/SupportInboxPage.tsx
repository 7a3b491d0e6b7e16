import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupportCategory, SupportRequestStatus } from '@seatwise/schema/client';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime, formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { supportCategories, supportStatusColor, supportStatuses } from '../../ui/supportStatus';
import { SkeletonRows } from '../../ui/TableSkeleton';
import { SupportInboxDocument } from './support.graphql';

const PAGE = 25;

/** V-06: the support requests of every customer; open ones first by default, newest activity on top. */
export function SupportInboxPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<SupportRequestStatus | null>('OPEN');
  const [category, setCategory] = useState<SupportCategory | null>(null);
  const [direction, setDirection] = useState<'DESC' | 'ASC'>('DESC');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const { data, loading, error, refetch } = useQuery(SupportInboxDocument, {
    variables: { first: PAGE, after, filter: { search: debounced || null, status, category }, orderBy: { direction } },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.supportInbox;
  const restart = () => setCursors([null]);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('vendor.support.title')}
        description={connection ? t('vendor.support.count', { count: connection.totalCount, formatted: formatNumber(connection.totalCount, language) }) : undefined}
      />
      <Group gap="sm" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('vendor.support.search')}
          aria-label={t('vendor.support.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            restart();
          }}
          w={{ base: '100%', xs: 300 }}
        />
        <Select
          aria-label={t('vendor.support.status')}
          placeholder={t('vendor.support.anyStatus')}
          clearable
          data={supportStatuses.map((value) => ({ value, label: t(`vendor.support.statuses.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value as SupportRequestStatus | null);
            restart();
          }}
          w={180}
        />
        <Select
          aria-label={t('home.support.category')}
          placeholder={t('home.support.anyCategory')}
          clearable
          data={supportCategories.map((value) => ({ value, label: t(`home.support.categories.${value}`) }))}
          value={category}
          onChange={(value) => {
            setCategory(value as SupportCategory | null);
            restart();
          }}
          w={220}
        />
        <SegmentedControl
          aria-label={t('vendor.support.order')}
          data={[
            { value: 'DESC', label: t('vendor.support.newest') },
            { value: 'ASC', label: t('vendor.support.oldest') },
          ]}
          value={direction}
          onChange={(value) => {
            setDirection(value as 'DESC' | 'ASC');
            restart();
          }}
        />
      </Group>
      {error && !data ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vendor.support.subject')}</Table.Th>
                  <Table.Th>{t('vendor.support.customer')}</Table.Th>
                  <Table.Th>{t('vendor.support.openedBy')}</Table.Th>
                  <Table.Th>{t('vendor.support.lastActivity')}</Table.Th>
                  <Table.Th ta="right">{t('vendor.support.replies')}</Table.Th>
                  <Table.Th>{t('vendor.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loading && !connection ? (
                  <SkeletonRows columns={6} rows={5} />
                ) : (
                  connection?.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Text component={Link} to={`/vendor/support/${node.id}`} fw={600} c="var(--mantine-primary-color-7)" size="sm">
                          {node.subject}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`home.support.categories.${node.category}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text component={Link} to={`/vendor/customers/${node.customerId}`} size="sm" c="dark.6">
                          {node.customerName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{node.openedBy ?? '—'}</Text>
                        {node.openedByEmail && (
                          <Text size="xs" c="dimmed">
                            {node.openedByEmail}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(node.lastActivityAt, language)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(node.messageCount, language)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge variant="light" color={supportStatusColor[node.status]} style={{ minWidth: 'max-content' }}>
                          {t(`vendor.support.statuses.${node.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {connection && connection.edges.length === 0 && <EmptyState title={t('vendor.support.empty')} />}
        </Paper>
      )}
      <Group justify="flex-end">
        <Button variant="default" disabled={cursors.length < 2} onClick={() => setCursors((list) => list.slice(0, -1))}>
          {t('vendor.previous')}
        </Button>
        <Button
          variant="default"
          disabled={!connection?.pageInfo.hasNextPage}
          onClick={() => connection?.pageInfo.endCursor && setCursors((list) => [...list, connection.pageInfo.endCursor])}
        >
          {t('vendor.next')}
        </Button>
      </Group>
    </Stack>
  );
}
