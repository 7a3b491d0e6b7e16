import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InvitationsQuery } from '../../gql/graphql';
import { useApiErrorText } from '../../ui/apiError';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDate } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { CursorPager } from '../../ui/CursorPager';
import { PageHeader } from '../../ui/PageHeader';
import { InvitationsDocument, ResendInvitationDocument, RevokeInvitationDocument } from './invitations.graphql';
import { RoleBadge } from './UserBadges';
import { SkeletonRows } from '../../ui/TableSkeleton';

type Invitation = InvitationsQuery['invitations']['edges'][number]['node'];

const PAGE_SIZE = 25;

/** F-41: pending invitations, with "Resend" and "Revoke". */
export function InvitationsPage() {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data: current, previousData, error, refetch } = useQuery(InvitationsDocument, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const data = current ?? previousData;
  const invitations = data?.invitations.edges.map((edge) => edge.node);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [resend, resendState] = useMutation(ResendInvitationDocument, { refetchQueries: ['Invitations'] });
  const [revoke, revokeState] = useMutation(RevokeInvitationDocument, { refetchQueries: ['Invitations', 'UsersPage'] });

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/users" size="sm">
        ← {t('userDetails.back')}
      </Anchor>
      <PageHeader title={t('invitations.title')} description={t('invitations.subtitle')} />
      {notice && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} role="status">
          {notice}
        </Alert>
      )}
      <FormError message={errorText(resendState.error ?? revokeState.error)} />
      {error && !data ? (
        <ErrorPanel title={t('invitations.errorTitle')} onRetry={() => void refetch()} />
      ) : invitations && invitations.length === 0 && cursors.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {t('invitations.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="sm" style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('users.columns.name')}</Table.Th>
                  <Table.Th>{t('users.columns.email')}</Table.Th>
                  <Table.Th>{t('users.columns.role')}</Table.Th>
                  <Table.Th>{t('invitations.sent')}</Table.Th>
                  <Table.Th>{t('invitations.expires')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations
                  ? invitations.map((invitation) => (
                      <Table.Tr key={invitation.id}>
                        <Table.Td>
                          {invitation.firstName} {invitation.lastName}
                        </Table.Td>
                        <Table.Td>{invitation.email}</Table.Td>
                        <Table.Td>
                          <RoleBadge role={invitation.role} />
                        </Table.Td>
                        <Table.Td>{formatDate(invitation.sentAt, i18n.language)}</Table.Td>
                        <Table.Td>
                          {invitation.status === 'EXPIRED' ? (
                            <Badge color="red" variant="light">
                              {t('invitations.expired')}
                            </Badge>
                          ) : (
                            formatDate(invitation.expiresAt, i18n.language)
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" justify="flex-end" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`${t('invitations.resend')}: ${invitation.email}`}
                              loading={resendState.loading && resendState.data?.resendInvitation.id === invitation.id}
                              onClick={() =>
                                void resend({ variables: { id: invitation.id } })
                                  .then(() => setNotice(t('invitations.resent', { email: invitation.email })))
                                  .catch(() => null)
                              }
                            >
                              {t('invitations.resend')}
                            </Button>
                            <Button size="xs" variant="light" color="red" onClick={() => setRevoking(invitation)} aria-label={`${t('invitations.revoke')}: ${invitation.email}`}>
                              {t('invitations.revoke')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : <SkeletonRows rows={4} columns={6} />}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data && <CursorPager pageInfo={data.invitations.pageInfo} cursors={cursors} onChange={setCursors} />}
        </Paper>
      )}
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('invitations.revokeTitle')}>
        <Stack>
          <Text size="sm">{t('invitations.revokeText', { email: revoking?.email })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('invite.cancel')}
            </Button>
            <Button
              color="red"
              loading={revokeState.loading}
              onClick={() =>
                void revoke({ variables: { id: revoking!.id } })
                  .then(() => setNotice(t('invitations.revoked', { email: revoking!.email })))
                  .catch(() => null)
                  .finally(() => setRevoking(null))
              }
            >
              {t('invitations.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
