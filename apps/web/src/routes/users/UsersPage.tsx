import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Group,
  List,
  Menu,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronDown, IconChevronLeft, IconChevronRight, IconSearch, IconUserSearch } from '@tabler/icons-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSortField } from '@seatwise/schema/client';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { PageHeader } from '../../ui/PageHeader';
import { BulkActionDialog, type BulkAction, type BulkOutcome } from './BulkActionDialog';
import { BulkAssignDialog } from './BulkAssignDialog';
import { UndoSeatChangeDocument } from './bulk.graphql';
import { useApiErrorText } from '../../ui/apiError';
import { InviteMultipleDialog } from './InviteMultipleDialog';
import { InviteUsersDialog } from './InviteUsersDialog';
import { MoveToTeamDialog } from './MoveToTeamDialog';
import { ExportMenu } from '../../ui/ExportMenu';
import { UsersPageDocument, UsersProductsDocument, UsersTeamsDocument } from './users.graphql';
import { UsersTable } from './UsersTable';
import {
  hasFilters,
  roles,
  statuses,
  useUsersView,
  usersFilter,
  usersOrder,
  withoutTeam,
} from './usersSearchParams';
import { teamOptions } from '../teams/teamOptions';
import { EmptyState } from '../../ui/EmptyState';

const pageSize = 25;

/** "By User" (F-40): the account's users with search, filters, sort and cursor pages. */
export function UsersPage() {
  const { t } = useTranslation();
  const [view, updateView] = useUsersView();
  const [searchText, setSearchText] = useState(view.search);
  const [dialog, setDialog] = useState<'invite' | 'inviteMultiple' | 'assign' | 'move' | null>(null);
  // A bulk action's notice keeps its key, so it is written in the language shown even after a switch.
  // A person removed on their own page comes back here with the removal's Undo.
  const location = useLocation();
  const removed = (location.state as { removed?: { name: string; actionId: string | null } } | null)?.removed;
  const [notice, setNoticeState] = useState<{ text?: string; key?: string; values?: Record<string, unknown>; actionId?: string | null; refused?: string[]; error?: boolean } | null>(
    removed ? { key: 'users.removedOne', values: { name: removed.name }, actionId: removed.actionId } : null,
  );
  const navigate = useNavigate();
  useEffect(() => {
    // Shown once: a reload or Back does not bring the notice back.
    if (removed) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the state it arrived with
  }, []);
  const setNotice = (text: string | null) => setNoticeState(text === null ? null : { text });
  const [bulkAction, setBulkAction] = useState<BulkAction | null>(null);
  const [undo, undoing] = useMutation(UndoSeatChangeDocument, { refetchQueries: ['UsersPage'] });
  const errorText = useApiErrorText();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  function select(ids: string[], on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }
  const applySearch = useDebouncedCallback((search: string) => updateView({ search }), 300);

  const filter = usersFilter(view);
  const orderBy = usersOrder(view);
  // Earlier pages' cursors, in the URL, so "Previous" can go back and a reload keeps the page; a new filter or sort starts from page one.
  const cursors = view.pages;
  const after = cursors.at(-1) ?? null;

  const teams = useQuery(UsersTeamsDocument);
  const products = useQuery(UsersProductsDocument);
  const { data, previousData, loading, error, refetch } = useQuery(UsersPageDocument, {
    variables: { first: pageSize, after, filter, orderBy },
  });
  const shown = data ?? previousData;
  const connection = shown?.users;
  const users = connection ? connection.edges.map((edge) => edge.node) : null;

  function clearFilters() {
    applySearch.cancel();
    setSearchText('');
    updateView({ search: '', roles: [], statuses: [], team: null, products: [] });
  }

  function sortBy(field: UserSortField) {
    updateView({ sort: field, direction: view.sort === field && view.direction === 'ASC' ? 'DESC' : 'ASC' });
  }

  const teamFilterOptions = [
    { value: withoutTeam, label: t('users.withoutTeam') },
    ...teamOptions(teams.data?.teams),
  ];
  const firstRow = cursors.length * pageSize + 1;
  const total = connection?.totalCount ?? 0;
  const isEmpty = data !== undefined && data.users.edges.length === 0;

  function bulkDone(action: BulkAction, result: BulkOutcome) {
    const names = new Map((users ?? []).map((user) => [user.id, user.name]));
    setNoticeState({
      key: `users.bulk.${action}.done`,
      values: { count: result.done },
      actionId: result.actionId,
      refused: result.outcomes.filter((outcome) => !outcome.done).map((outcome) => `${names.get(outcome.userId) ?? outcome.userId}: ${outcome.message ?? ''}`),
    });
    setSelected(new Set());
  }

  async function undoLast(actionId: string) {
    const answer = await undo({ variables: { input: { actionId } } }).catch((error: unknown) => ({ error }));
    if ('error' in answer && answer.error) setNoticeState({ text: errorText(answer.error) ?? t('errors.generic'), error: true });
    else setNoticeState({ key: 'users.bulk.undone' });
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('users.title')}
        description={t('users.subtitle')}
        aside={
          <Group gap="xs">
            {connection && (
              <Text fw={600} size="sm" c="dimmed" aria-live="polite" data-testid="users-count" mr="sm">
                {t('users.count', { count: connection.totalCount })}
              </Text>
            )}
            <ExportMenu
              report="users"
              params={{
                q: view.search.trim(),
                roles: view.roles.join(','),
                statuses: view.statuses.join(','),
                team: view.team,
                products: view.products.join(','),
                sort: view.sort,
                direction: view.direction,
              }}
            />
            <Button variant="default" component={Link} to="/users/import">
              {t('users.import')}
            </Button>
            <Button variant="default" onClick={() => setDialog('inviteMultiple')}>
              {t('users.inviteMultiple')}
            </Button>
            <Button onClick={() => setDialog('invite')}>{t('users.invite')}</Button>
          </Group>
        }
      />
      <Group gap="md">
        <Button variant="subtle" size="compact-sm" component={Link} to="/users/invitations">
          {t('users.pendingInvitations')}
        </Button>
        <Button variant="subtle" size="compact-sm" component={Link} to="/users/teams">
          {t('users.teams')}
        </Button>
      </Group>
      {notice && (
        <Alert color={notice.error ? 'red' : 'teal'} variant="light" withCloseButton onClose={() => setNotice(null)} role="status" data-testid="users-notice">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{notice.key ? t(notice.key, notice.values) : notice.text}</Text>
            {notice.actionId && (
              <Button size="compact-sm" variant="white" loading={undoing.loading} onClick={() => void undoLast(notice.actionId!)}>
                {t('users.bulk.undo')}
              </Button>
            )}
          </Group>
          {!!notice.refused?.length && (
            <>
              <Text size="sm" mt="xs" fw={600}>
                {t('users.bulk.refusedTitle')}
              </Text>
              <List size="sm">
                {notice.refused.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
      {selected.size > 0 && (
        <Paper withBorder radius="md" p="sm" bg="indigo.0">
          <Group justify="space-between">
            <Text size="sm" fw={600} aria-live="polite" data-testid="users-selected">
              {t('users.selected', { count: selected.size })}
            </Text>
            <Group gap="xs">
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />}>
                    {t('users.bulk.moreActions')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {(['unassign', 'remove', 'role', 'resend'] as const).map((action) => (
                    <Menu.Item key={action} color={action === 'remove' || action === 'unassign' ? 'red' : undefined} onClick={() => setBulkAction(action)}>
                      {t(`users.bulk.${action}.label`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
              <Button size="xs" variant="default" onClick={() => setSelected(new Set())}>
                {t('users.clearSelection')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDialog('move')}>
                {t('users.moveToTeam')}
              </Button>
              <Button size="xs" onClick={() => setDialog('assign')}>
                {t('users.assign')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      <BulkActionDialog action={bulkAction} userIds={[...selected]} onClose={() => setBulkAction(null)} onDone={bulkDone} />
      <InviteUsersDialog
        opened={dialog === 'invite'}
        onClose={() => setDialog(null)}
        onInvited={(email) => setNotice(t('invite.sent', { email }))}
      />
      <InviteMultipleDialog
        opened={dialog === 'inviteMultiple'}
        onClose={() => setDialog(null)}
        onInvited={(count) => setNotice(t('inviteMultiple.sent', { count }))}
      />
      <MoveToTeamDialog
        userIds={[...selected]}
        opened={dialog === 'move'}
        onClose={() => setDialog(null)}
        onMoved={(moved) => {
          setNotice(t('users.moved', { count: moved }));
          setSelected(new Set());
        }}
      />
      <BulkAssignDialog
        userIds={[...selected]}
        opened={dialog === 'assign'}
        onClose={() => setDialog(null)}
        onAssigned={(assigned, already) => {
          setNotice(t('users.assigned', { count: assigned, already }));
          setSelected(new Set());
        }}
      />

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <TextInput
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            type="search"
            value={searchText}
            onChange={(event) => {
              setSearchText(event.currentTarget.value);
              applySearch(event.currentTarget.value);
            }}
          />
          <MultiSelect
            label={t('users.role')}
            placeholder={view.roles.length ? undefined : t('users.anyRole')}
            data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={view.roles}
            onChange={(value) => updateView({ roles: value as typeof view.roles })}
            clearable
          />
          <Select
            label={t('users.team')}
            placeholder={t('users.anyTeam')}
            data={teamFilterOptions}
            value={view.team}
            onChange={(team) => updateView({ team })}
            clearable
          />
          <MultiSelect
            label={t('users.product')}
            placeholder={view.products.length ? undefined : t('users.anyProduct')}
            data={(products.data?.productEntitlements ?? []).map((product) => ({ value: product.id, label: product.name }))}
            value={view.products}
            onChange={(value) => updateView({ products: value })}
            searchable
            clearable
          />
          <MultiSelect
            label={t('users.status')}
            placeholder={view.statuses.length ? undefined : t('users.anyStatus')}
            data={statuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
            value={view.statuses}
            onChange={(value) => updateView({ statuses: value as typeof view.statuses })}
            clearable
          />
        </SimpleGrid>
      </Paper>

      {error && !data ? (
        <ErrorPanel title={t('users.errorTitle')} onRetry={() => void refetch()} />
      ) : isEmpty ? (
        <EmptyState large icon={<IconUserSearch size={26} />} title={t('users.emptyTitle')} text={view.search ? t('users.emptyText', { search: view.search }) : t('users.emptyTextNoSearch')}>
        {hasFilters(view) && (
          <Button variant="light" mt="xs" onClick={clearFilters}>
            {t('users.clearFilters')}
          </Button>
        )}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <UsersTable
            users={users}
            sort={view.sort}
            direction={view.direction}
            onSort={sortBy}
            busy={loading}
            skeletonRows={8}
            selected={selected}
            onSelect={select}
          />
          {connection && (
            <Group
              justify="space-between"
              px="md"
              py="sm"
              style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              component="nav"
              aria-label={t('users.pagination')}
            >
              <Text size="sm" c="dimmed">
                {total > 0 &&
                  t('users.pageRange', {
                    from: firstRow,
                    to: firstRow + connection.edges.length - 1,
                    total,
                  })}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconChevronLeft size={14} />}
                  disabled={cursors.length === 0 || loading}
                  onClick={() => updateView({ pages: cursors.slice(0, -1) })}
                >
                  {t('users.previous')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  rightSection={<IconChevronRight size={14} />}
                  disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor || loading}
                  onClick={() => updateView({ pages: [...cursors, connection.pageInfo.endCursor!] })}
                >
                  {t('users.next')}
                </Button>
              </Group>
            </Group>
          )}
        </Paper>
      )}
    </Stack>
  );
}
