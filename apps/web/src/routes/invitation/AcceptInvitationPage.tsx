import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Loader, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MeDocument } from '../../session/session.graphql';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { AuthFrame } from '../../ui/AuthFrame';
import { FormError } from '../../ui/FormError';
import { AcceptInvitationDocument, InvitationByTokenDocument } from './invitation.graphql';

/**
 * The page the invitation link opens: a new person sets their first password, an existing
 * person signs in with theirs; either way they land in the account, signed in.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const errorText = useApiErrorText();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery(InvitationByTokenDocument, { variables: { token }, skip: !token });
  const [accept, accepting] = useMutation(AcceptInvitationDocument);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const invitation = preview.data?.invitationByToken;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (invitation?.needsPassword && password !== repeat) return setMismatch(true);
    setMismatch(false);
    const result = await accept({ variables: { input: { token, password } } }).catch(() => null);
    const viewer = result?.data?.acceptInvitation.viewer;
    if (viewer) {
      client.cache.writeQuery({ query: MeDocument, data: { me: viewer } });
      await navigate('/', { replace: true });
    } else if (result?.data) {
      // 2-step verification is on: the invitation is accepted; signing in takes both steps.
      await navigate('/sign-in', { replace: true, state: { email: invitation?.email } });
    }
  }

  const failed = apiError(accepting.error);
  let body;
  if (!token || preview.error) {
    body = <Alert color="red" variant="light">{t('acceptInvitation.invalid')}</Alert>;
  } else if (!invitation) {
    body = <Loader aria-label={t('acceptInvitation.loading')} />;
  } else if (invitation.status !== 'PENDING') {
    body = <Alert color="red" variant="light">{t(`acceptInvitation.closed.${invitation.status}`)}</Alert>;
  } else {
    body = (
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text size="sm">
            {invitation.needsPassword
              ? t('acceptInvitation.newPerson', { name: invitation.firstName, account: invitation.accountName })
              : t('acceptInvitation.existingPerson', { name: invitation.firstName, account: invitation.accountName })}
          </Text>
          <Text size="sm" fw={600}>
            {invitation.email}
          </Text>
          <PasswordInput
            label={invitation.needsPassword ? t('acceptInvitation.newPassword') : t('acceptInvitation.password')}
            description={invitation.needsPassword ? t('acceptInvitation.passwordRule') : undefined}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={failed?.field === 'password' ? errorText(accepting.error) : undefined}
            autoComplete={invitation.needsPassword ? 'new-password' : 'current-password'}
            required
            data-autofocus
          />
          {invitation.needsPassword && (
            <PasswordInput
              label={t('acceptInvitation.repeat')}
              value={repeat}
              onChange={(event) => setRepeat(event.currentTarget.value)}
              error={mismatch ? t('acceptInvitation.mismatch') : undefined}
              autoComplete="new-password"
              required
            />
          )}
          {failed?.field !== 'password' && <FormError message={errorText(accepting.error)} />}
          <Button type="submit" loading={accepting.loading} disabled={!password}>
            {t('acceptInvitation.accept')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <AuthFrame>
      <Stack>
        <Title order={1} size="h3">
          {t('acceptInvitation.title')}
        </Title>
        {body}
        <Text size="xs" c="dimmed">
          <Link to="/sign-in">{t('acceptInvitation.toSignIn')}</Link>
        </Text>
      </Stack>
    </AuthFrame>
  );
}
