import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
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
import { CursorPager } from '../../ui/CursorPager';
import { EmptyState } from '../../ui/EmptyState';

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
        <EmptyState large icon={<IconKey size={26} />} title={t('developer.emptyTitle')} text={t('developer.emptyText')} />
      ) : (
        <Paper withBorder radius="md">
          <TokensTable tokens={tokens} busy={loading} onRevoke={setRevoking} />
          {connection && <CursorPager pageInfo={connection.pageInfo} cursors={cursors} onChange={setCursors} />}
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
