import { Anchor, Avatar, Checkbox, Group, Skeleton, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SortDirection, UserSortField } from '@seatwise/schema/client';
import type { UsersPageQuery } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../ui/format';
import { SortableTh } from '../../ui/SortableTh';
import { RoleBadge, StatusBadge } from './UserBadges';

type UserRow = UsersPageQuery['users']['edges'][number]['node'];

interface Column {
  key: string;
  labelKey: string;
  sort?: UserSortField;
  align?: 'right';
}

const columns: Column[] = [
  { key: 'name', labelKey: 'users.columns.name', sort: 'NAME' },
  { key: 'email', labelKey: 'users.columns.email', sort: 'EMAIL' },
  { key: 'role', labelKey: 'users.columns.role', sort: 'ROLE' },
  { key: 'team', labelKey: 'users.columns.team' },
  { key: 'status', labelKey: 'users.columns.status', sort: 'STATUS' },
  { key: 'seats', labelKey: 'users.columns.seats', align: 'right' },
  { key: 'lastSignIn', labelKey: 'users.columns.lastSignIn' },
];

interface UsersTableProps {
  users: UserRow[] | null;
  sort: UserSortField;
  direction: SortDirection;
  onSort: (field: UserSortField) => void;
  busy: boolean;
  skeletonRows: number;
  /** Users ticked for a bulk action. */
  selected: Set<string>;
  onSelect: (ids: string[], selected: boolean) => void;
}

export function UsersTable({ users, sort, direction, onSort, busy, skeletonRows, selected, onSelect }: UsersTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  function header(column: Column) {
    const label = t(column.labelKey);
    const field = column.sort;
    if (!field) {
      return (
        <Table.Th key={column.key} ta={column.align}>
          {label}
        </Table.Th>
      );
    }
    return <SortableTh key={column.key} label={label} sorted={sort === field ? direction : null} onSort={() => onSort(field)} align={column.align} />;
  }

  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table
        verticalSpacing="sm"
        horizontalSpacing="xs"
        highlightOnHover
        aria-busy={busy}
        style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap', opacity: busy && users ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('users.selectAll')}
                checked={!!users?.length && users.every((user) => selected.has(user.id))}
                indeterminate={!!users?.some((user) => selected.has(user.id)) && !users.every((user) => selected.has(user.id))}
                onChange={(event) => users && onSelect(users.map((user) => user.id), event.currentTarget.checked)}
              />
            </Table.Th>
            {columns.map(header)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users
            ? users.map((user) => (
                <Table.Tr key={user.id} bg={selected.has(user.id) ? 'indigo.0' : undefined}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('users.select', { name: user.name })}
                      checked={selected.has(user.id)}
                      onChange={(event) => onSelect([user.id], event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Avatar size={30} radius="xl" color="initials" name={user.name} />
                      {/* F-44 "View Details": the person's name opens their page (a column of its own did not fit at 1366 px). */}
                      <Anchor component={Link} to={`/users/${user.id}`} size="sm" fw={500} title={t('users.viewDetails')}>
                        {user.name}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" maw={220} truncate="end" title={user.email}>
                      {user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={user.role} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{user.team?.name ?? t('users.noTeam')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={user.status} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {user.seatCount}
                  </Table.Td>
                  <Table.Td>
                    {user.lastSignInAt ? (
                      <Text size="sm" title={formatDateTime(user.lastSignInAt, language)}>
                        {formatDate(user.lastSignInAt, language)}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('users.never')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))
            : Array.from({ length: skeletonRows }, (_, row) => (
                <Table.Tr key={row} aria-hidden>
                  <Table.Td />
                  {columns.map((column) => (
                    <Table.Td key={column.key}>
                      <Skeleton height={14} radius="sm" width={column.key === 'seats' ? 24 : '80%'} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
