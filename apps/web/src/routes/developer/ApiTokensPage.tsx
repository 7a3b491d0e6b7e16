import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Paper, SegmentedControl, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenStatus } from '@seatwise/schema/client';
import type { ApiTokenRowFragment } from '../../gql/graphql';
import { useApiErrorText } from '../../ui/apiError';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { CreateTokenDialog } from './CreateTokenDialog';
import { TokensTable } from './TokensTable';
import { ApiTokensPageDocument, RevokeApiTokenDocument } from './tokens.graphql';

const pageSize = 20;
const views = ['ACTIVE', 'ALL', 'EXPIRED', 'REVOKED'] as const;
type View = (typeof views)[number];

/** Developer → API tokens (F-61): create, see and revoke personal and (admins) service tokens. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('ACTIVE');
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenRowFragment | null>(null);
  const filter = view === 'ALL' ? null : { statuses: [view as ApiTokenStatus] };
  const after = cursors.at(-1) ?? null;
  const { data, previousData, loading, error, refetch } = useQuery(ApiTokensPageDocument, {
    variables: { first: pageSize, after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const [revoke, revokeState] = useMutation(RevokeApiTokenDocument);
  const errorText = useApiErrorText();
  const connection = (data ?? previousData)?.apiTokens;
  const tokens = connection ? connection.edges.map((edge) => edge.node) : null;

  function show(next: View) {
    setView(next);
    setCursors([]);
  }

  async function confirmRevoke() {
    if (!revoking) return;
    await revoke({ variables: { id: revoking.id } });
    setRevoking(null);
    await refetch();
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('developer.title')}
        description={t('developer.subtitle')}
        aside={
          <Button onClick={() => setCreating(true)}>
            {t('developer.createButton')}
          </Button>
        }
      />

      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={view}
          onChange={(value) => show(value as View)}
          data={views.map((value) => ({ value, label: t(`developer.views.${value}`) }))}
          aria-label={t('developer.viewLabel')}
        />
        {connection && (
          <Text fw={600} size="sm" c="dimmed" aria-live="polite" data-testid="tokens-count">
            {t('developer.count', { count: connection.totalCount })}
          </Text>
        )}
      </Group>

      {error && !data ? (
        <ErrorPanel title={t('developer.errorTitle')} onRetry={() => void refetch()} />
      ) : data && data.apiTokens.edges.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap="xs" py="lg">
            <ThemeIcon size={48} radius="xl" variant="light" color="gray">
              <IconKey size={26} />
            </ThemeIcon>
            <Title order={2} size="h4">
              {t('developer.emptyTitle')}
            </Title>
            <Text c="dimmed" size="sm" ta="center" maw={460}>
              {t('developer.emptyText')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <TokensTable tokens={tokens} busy={loading} onRevoke={setRevoking} />
          {connection && (cursors.length > 0 || connection.pageInfo.hasNextPage) && (
            <Group justify="flex-end" p="sm" gap="xs">
              <Button
                variant="default"
                size="xs"
                leftSection={<IconChevronLeft size={14} />}
                disabled={cursors.length === 0}
                onClick={() => setCursors((current) => current.slice(0, -1))}
              >
                {t('developer.previous')}
              </Button>
              <Button
                variant="default"
                size="xs"
                rightSection={<IconChevronRight size={14} />}
                disabled={!connection.pageInfo.hasNextPage}
                onClick={() => connection.pageInfo.endCursor && setCursors((current) => [...current, connection.pageInfo.endCursor!])}
              >
                {t('developer.next')}
              </Button>
            </Group>
          )}
        </Paper>
      )}

      <CreateTokenDialog opened={creating} onClose={() => setCreating(false)} onCreated={() => void refetch()} />

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('developer.revokeTitle')}>
        <Stack>
          <Text size="sm">{t('developer.revokeText', { name: revoking?.name ?? '' })}</Text>
          <FormError message={errorText(revokeState.error)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('developer.cancel')}
            </Button>
            <Button color="red" loading={revokeState.loading} onClick={() => void confirmRevoke()}>
              {t('developer.revokeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
