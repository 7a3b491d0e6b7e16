import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Code, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiTokenStatus, vendorScopeRules } from '@seatwise/schema/client';
import type { VendorTokenRowFragment } from '../../gql/graphql';
import { useApiErrorText } from '../../ui/apiError';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { SkeletonRows } from '../../ui/TableSkeleton';
import { CreateVendorTokenModal } from './CreateVendorTokenModal';
import { RevokeVendorApiTokenDocument, VendorApiTokensDocument } from './vendor-tokens.graphql';

const statusColors: Record<ApiTokenStatus, string> = { ACTIVE: 'green', EXPIRED: 'gray', REVOKED: 'red' };
const PAGE_SIZE = 25;

/** Vendor console → API tokens: service tokens for a billing system (operators only). */
export function VendorTokensPage() {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<VendorTokenRowFragment | null>(null);
  const { data, previousData, error, refetch } = useQuery(VendorApiTokensDocument, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const [revoke, revokeState] = useMutation(RevokeVendorApiTokenDocument);
  const connection = (data ?? previousData)?.vendorApiTokens;

  async function confirmRevoke() {
    if (!revoking) return;
    try {
      await revoke({ variables: { id: revoking.id } });
      setRevoking(null);
      await refetch();
    } catch {
      // shown in the dialog
    }
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('vendorTokens.title')} description={t('vendorTokens.description')} aside={<Button onClick={() => setCreating(true)}>{t('vendorTokens.createButton')}</Button>} />
      {error && !connection ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={0} type="native">
            <Table verticalSpacing="sm" style={{ width: 'max-content', minWidth: '100%' }}>
              <Table.Thead>
                <Table.Tr>
                  {(['name', 'scopes', 'createdBy', 'lastUsed', 'expires', 'status'] as const).map((column) => (
                    <Table.Th key={column}>{t(`vendorTokens.columns.${column}`)}</Table.Th>
                  ))}
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!connection ? (
                  <SkeletonRows rows={2} columns={7} />
                ) : connection.edges.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" size="sm" ta="center" py="md">
                        {t('vendorTokens.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  connection.edges.map(({ node: token }) => (
                    <Table.Tr key={token.id}>
                      <Table.Td>
                        <Stack gap={2}>
                          <Text fw={600} size="sm">
                            {token.name}
                          </Text>
                          <Code fz="xs">{token.prefix}…</Code>
                        </Stack>
                      </Table.Td>
                      <Table.Td maw={320}>
                        <Group gap={4}>
                          {token.scopes.map((scope) => (
                            <Code key={scope} fz="xs">
                              {vendorScopeRules[scope].value}
                            </Code>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{token.createdBy?.name ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{token.lastUsedAt ? formatDateTime(token.lastUsedAt, i18n.language) : t('vendorTokens.never')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(token.expiresAt, i18n.language)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={statusColors[token.status]}>
                          {t(`vendorTokens.status.${token.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {token.status === 'ACTIVE' && (
                          <Button variant="subtle" color="red" size="compact-sm" onClick={() => setRevoking(token)}>
                            {t('vendorTokens.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {connection && (cursors.length > 0 || connection.pageInfo.hasNextPage) && (
        <Group justify="flex-end">
          <Button variant="default" disabled={!cursors.length} onClick={() => setCursors((list) => list.slice(0, -1))}>
            {t('vendor.previous')}
          </Button>
          <Button variant="default" disabled={!connection.pageInfo.hasNextPage} onClick={() => setCursors((list) => [...list, connection.pageInfo.endCursor ?? ''])}>
            {t('vendor.next')}
          </Button>
        </Group>
      )}
      <CreateVendorTokenModal opened={creating} onClose={() => setCreating(false)} onCreated={() => void refetch()} />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('vendorTokens.revokeTitle')}>
        <Stack>
          <Text size="sm">{t('vendorTokens.revokeText', { name: revoking?.name ?? '' })}</Text>
          <FormError message={errorText(revokeState.error)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('vendor.cancel')}
            </Button>
            <Button color="red" loading={revokeState.loading} onClick={() => void confirmRevoke()}>
              {t('vendorTokens.revokeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
