import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerSortField, CustomerStatus, SortDirection } from '../../gql/graphql';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDate, formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { SortableTh } from '../../ui/SortableTh';
import { SkeletonRows } from '../../ui/TableSkeleton';
import { CreateCustomerModal } from './CreateCustomerModal';
import { statusColor } from './customer-status';
import { useStaff } from './VendorLayout';
import { CustomersDocument } from './vendor.graphql';

const PAGE = 25;

/** The vendor's customers: search, status, sort by any column, page by page. */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const staff = useStaff();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<CustomerStatus | null>(null);
  const [order, setOrder] = useState<{ field: CustomerSortField; direction: SortDirection }>({ field: 'NAME', direction: 'ASC' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const after = cursors.at(-1) ?? null;
  const { data, loading, error, refetch } = useQuery(CustomersDocument, {
    variables: { first: PAGE, after, filter: { search: debounced || null, status }, orderBy: order },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.customers;

  const sortBy = (field: CustomerSortField) => {
    setCursors([null]);
    setOrder((current) => ({ field, direction: current.field === field && current.direction === 'ASC' ? 'DESC' : field === 'NAME' ? 'ASC' : 'DESC' }));
  };
  const sorted = (field: CustomerSortField) => (order.field === field ? order.direction : null);
  const number = (value: number) => formatNumber(value, i18n.language);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('vendor.customers.title')}
        description={connection ? t('vendor.customers.count', { count: connection.totalCount, formatted: number(connection.totalCount) }) : undefined}
        aside={
          staff.role === 'OPERATOR' && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('vendor.create.open')}
            </Button>
          )
        }
      />
      <Group gap="sm" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('vendor.customers.search')}
          aria-label={t('vendor.customers.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setCursors([null]);
          }}
          w={280}
        />
        <Select
          aria-label={t('vendor.customers.status')}
          placeholder={t('vendor.customers.anyStatus')}
          clearable
          data={(['ACTIVE', 'SUSPENDED', 'CLOSED'] as const).map((value) => ({ value, label: t(`vendor.status.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value as CustomerStatus | null);
            setCursors([null]);
          }}
          w={200}
        />
      </Group>
      {error && !data ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh label={t('vendor.fields.name')} sorted={sorted('NAME')} onSort={() => sortBy('NAME')} />
                  <Table.Th>{t('vendor.fields.externalId')}</Table.Th>
                  <Table.Th>{t('vendor.fields.primaryAdmin')}</Table.Th>
                  <SortableTh label={t('vendor.fields.users')} sorted={sorted('USERS')} onSort={() => sortBy('USERS')} align="right" />
                  <SortableTh label={t('vendor.fields.seats')} sorted={sorted('SEATS')} onSort={() => sortBy('SEATS')} align="right" />
                  <SortableTh label={t('vendor.fields.createdAt')} sorted={sorted('CREATED_AT')} onSort={() => sortBy('CREATED_AT')} />
                  <Table.Th>{t('vendor.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loading && !connection ? (
                  <SkeletonRows columns={7} rows={5} />
                ) : (
                  connection?.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Text component={Link} to={`/vendor/customers/${node.id}`} fw={600} c="indigo.7" size="sm">
                          {node.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>{node.externalId ?? '—'}</Table.Td>
                      <Table.Td>{node.primaryAdminEmail ?? <Text span c="dimmed" size="sm">{t('vendor.customers.noAdmin')}</Text>}</Table.Td>
                      <Table.Td ta="right">{number(node.userCount)}</Table.Td>
                      <Table.Td ta="right">{number(node.seatCount)}</Table.Td>
                      <Table.Td>{formatDate(node.createdAt, i18n.language)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge variant="light" color={statusColor[node.status]} style={{ minWidth: 'max-content' }}>
                          {t(`vendor.status.${node.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {connection && connection.edges.length === 0 && <EmptyState title={t('vendor.customers.empty')} />}
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
      <CreateCustomerModal opened={creating} onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/vendor/customers/${id}`)} />
    </Stack>
  );
}
