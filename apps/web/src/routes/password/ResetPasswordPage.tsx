import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { apiError, errorText } from '../../ui/apiError';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { AuthForm, AuthFrame } from '../../ui/AuthFrame';
import { PasswordResetLinkDocument, ResetPasswordDocument } from './password.graphql';

/** F-02: choose a new (or an invited person's first) password through the emailed link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useQuery(PasswordResetLinkDocument, { variables: { token }, skip: !token, fetchPolicy: 'network-only' });
  const [reset, { loading }] = useMutation(ResetPasswordDocument);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [repeatError, setRepeatError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  if (token && link.loading) return <FullPageLoader />;
  const linkError = !token ? { code: 'INVALID_RESET_LINK', field: 'token', message: '' } : apiError(link.error);
  const minLength = link.data?.passwordPolicy.minLength ?? 10;

  if (linkError || !link.data) {
    return (
      <AuthFrame>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('identity.reset.invalidTitle')}
          </Title>
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {errorText(t, linkError, 'identity.errors')}
          </Alert>
          <Button component={Link} to="/forgot-password" variant="light">
            {t('identity.reset.askAgain')}
          </Button>
        </Stack>
      </AuthFrame>
    );
  }
  const { email, firstPassword } = link.data.passwordResetLink;

  async function handleSubmit() {
    setPasswordError(null);
    setRepeatError(null);
    setFormError(null);
    if (password.length < minLength) {
      setPasswordError(t('identity.errors.newPassword', { minLength }));
      return;
    }
    if (password !== repeat) {
      setRepeatError(t('identity.reset.mismatch'));
      return;
    }
    try {
      await reset({ variables: { input: { token, newPassword: password } } });
      await navigate('/sign-in', { replace: true, state: { passwordReset: true, email } });
    } catch (error) {
      const typed = apiError(error);
      if (typed?.field === 'newPassword') setPasswordError(t('identity.errors.newPassword', { minLength }));
      else setFormError(errorText(t, typed, 'identity.errors'));
    }
  }

  return (
    <AuthForm
      title={t(firstPassword ? 'identity.reset.firstTitle' : 'identity.reset.title')}
      subtitle={t('identity.reset.for', { email })}
      error={formError}
      submitLabel={t('identity.reset.submit')}
      loading={loading}
      onSubmit={handleSubmit}
    >
      <PasswordInput
        label={t('identity.reset.newPassword')}
        description={t('identity.passwordRule', { minLength })}
        autoComplete="new-password"
        autoFocus
        value={password}
        error={passwordError}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
      <PasswordInput
        label={t('identity.reset.repeat')}
        autoComplete="new-password"
        value={repeat}
        error={repeatError}
        onChange={(event) => setRepeat(event.currentTarget.value)}
      />
    </AuthForm>
  );
}
