import { Badge, Button, Code, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ApiTokenStatus, apiScopeRules } from '@seatwise/schema/client';
import type { ApiTokenRowFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../ui/format';

const statusColors: Record<ApiTokenStatus, string> = { ACTIVE: 'green', EXPIRED: 'gray', REVOKED: 'red' };

interface TokensTableProps {
  tokens: ApiTokenRowFragment[] | null;
  busy: boolean;
  onRevoke: (token: ApiTokenRowFragment) => void;
}

const columns = ['name', 'kind', 'scopes', 'owner', 'lastUsed', 'expires', 'status', 'actions'] as const;

/** The API tokens the viewer may see: what each may do, whose it is, when it was used and ends. */
export function TokensTable({ tokens, busy, onRevoke }: TokensTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table
        verticalSpacing="sm"
        horizontalSpacing="sm"
        highlightOnHover
        aria-busy={busy}
        style={{ width: 'max-content', minWidth: '100%', opacity: busy && tokens ? 0.6 : 1 }}
      >
        <Table.Thead bg="gray.0">
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>
                {column === 'actions' ? (
                  <VisuallyHidden>{t('developer.columns.actions')}</VisuallyHidden>
                ) : (
                  t(`developer.columns.${column}`)
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens === null
            ? Array.from({ length: 3 }, (_, row) => (
                <Table.Tr key={row}>
                  {columns.map((column) => (
                    <Table.Td key={column}>
                      <Skeleton height={14} width={column === 'scopes' ? 140 : 80} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : tokens.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text fw={600} size="sm">
                        {token.name}
                      </Text>
                      <Code fz="xs">{token.prefix}…</Code>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={token.kind === 'SERVICE' ? 'violet' : 'blue'}>
                      {t(`developer.kinds.${token.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td maw={280}>
                    <Group gap={4}>
                      {token.scopes.map((scope) => (
                        <Code key={scope} fz="xs">
                          {apiScopeRules[scope].value}
                        </Code>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{token.owner?.name ?? token.createdBy?.name ?? '—'}</Text>
                    {token.kind === 'SERVICE' && (
                      <Text size="xs" c="dimmed">
                        {t('developer.createdBy')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt, language) : t('developer.neverUsed')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(token.expiresAt, language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={statusColors[token.status]}>
                      {t(`developer.statuses.${token.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {token.status !== 'REVOKED' && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onRevoke(token)}
                        aria-label={t('developer.revokeNamed', { name: token.name })}
                      >
                        {t('developer.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
