import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Code, Group, Modal, Paper, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/apiError';
import { CursorPager } from '../../ui/CursorPager';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { SkeletonRows } from '../../ui/TableSkeleton';
import { CreateOAuthClientDocument, DeleteOAuthClientDocument, OAuthClientsDocument } from './oauth-clients.graphql';

const PAGE_SIZE = 25;

/** Vendor console → OAuth clients: the products that sign people in through Seatwise (operators only). */
export function OAuthClientsPage() {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, previousData, error, refetch } = useQuery(OAuthClientsDocument, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.oauthClients;
  const [create, creating] = useMutation(CreateOAuthClientDocument);
  const [remove, removing] = useMutation(DeleteOAuthClientDocument);
  const [name, setName] = useState('');
  const [redirects, setRedirects] = useState('http://127.0.0.1/callback');
  const [failure, setFailure] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    try {
      const redirectUris = redirects.split(/\s+/).filter(Boolean);
      await create({ variables: { input: { name: name.trim(), redirectUris } } });
      setName('');
      await refetch();
    } catch (caught) {
      setFailure(errorText(caught));
    }
  }

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove({ variables: { id: deleting.id } });
      setDeleting(null);
      await refetch();
    } catch (caught) {
      setDeleting(null);
      setFailure(errorText(caught));
    }
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('oauthClients.title')} description={t('oauthClients.description')} />
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={(event) => void submit(event)}>
          <Stack gap="sm" maw={560}>
            <TextInput label={t('oauthClients.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={100} required />
            <Textarea
              label={t('oauthClients.redirectUris')}
              description={t('oauthClients.redirectHint')}
              value={redirects}
              onChange={(event) => setRedirects(event.currentTarget.value)}
              autosize
              minRows={2}
            />
            <FormError message={failure} />
            <Group>
              <Button type="submit" loading={creating.loading}>
                {t('oauthClients.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {error && !connection ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={0} type="native">
            <Table verticalSpacing="sm" style={{ width: 'max-content', minWidth: '100%' }}>
              <Table.Thead>
                <Table.Tr>
                  {(['name', 'clientId', 'redirectUris', 'created'] as const).map((column) => (
                    <Table.Th key={column}>{t(`oauthClients.columns.${column}`)}</Table.Th>
                  ))}
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!connection ? (
                  <SkeletonRows rows={2} columns={5} />
                ) : connection.edges.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" size="sm" ta="center" py="md">
                        {t('oauthClients.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  connection.edges.map(({ node: client }) => (
                    <Table.Tr key={client.id}>
                      <Table.Td>
                        <Text fw={600} size="sm">
                          {client.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code fz="xs">{client.clientId}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {client.redirectUris.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              {t('oauthClients.deviceOnly')}
                            </Text>
                          ) : (
                            client.redirectUris.map((uri) => (
                              <Code key={uri} fz="xs">
                                {uri}
                              </Code>
                            ))
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>{formatDate(client.createdAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" color="red" onClick={() => setDeleting({ id: client.id, name: client.name })}>
                          {t('oauthClients.delete')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {connection && <CursorPager pageInfo={connection.pageInfo} cursors={cursors} onChange={setCursors} />}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('oauthClients.confirmTitle')} centered>
        <Text size="sm">{t('oauthClients.confirmText', { name: deleting?.name ?? '' })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('oauthClients.cancel')}
          </Button>
          <Button color="red" loading={removing.loading} onClick={() => void confirmDelete()}>
            {t('oauthClients.delete')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
