import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { apiError, errorText } from '../../ui/apiError';
import { AuthForm, AuthFrame } from '../../ui/AuthFrame';
import { SignInServerInfoDocument } from '../sign-in/sign-in.graphql';
import { RequestPasswordResetDocument } from './password.graphql';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** F-02: ask for a reset link. The answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const initial = (location.state as { email?: unknown } | null)?.email;
  const [email, setEmail] = useState(typeof initial === 'string' ? initial : '');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [request, { loading }] = useMutation(RequestPasswordResetDocument);
  // In demo mode no mail leaves the server: the link waits in the Outbox.
  const demo = useQuery(SignInServerInfoDocument).data?.serverInfo.demo ?? false;

  async function handleSubmit() {
    setFieldError(null);
    setFormError(null);
    const trimmed = email.trim();
    if (!EMAIL_SHAPE.test(trimmed)) {
      setFieldError(t('identity.errors.email'));
      return;
    }
    try {
      await request({ variables: { input: { email: trimmed } } });
      setSentTo(trimmed);
    } catch (error) {
      const typed = apiError(error);
      if (typed?.field === 'email' && typed.code === 'BAD_USER_INPUT') setFieldError(t('identity.errors.email'));
      else setFormError(errorText(t, typed, 'identity.errors'));
    }
  }

  if (sentTo) {
    return (
      <AuthFrame>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('identity.forgot.sentTitle')}
          </Title>
          <Alert color="teal" variant="light" icon={<IconMailCheck />} role="status">
            {t('identity.forgot.sentText', { email: sentTo })}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('identity.forgot.sentHint')}
          </Text>
          {demo && (
            <Anchor component={Link} to="/outbox" size="sm">
              {t('outbox.open')}
            </Anchor>
          )}
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('identity.backToSignIn')}
          </Anchor>
        </Stack>
      </AuthFrame>
    );
  }

  return (
    <AuthForm
      title={t('identity.forgot.title')}
      subtitle={t('identity.forgot.subtitle')}
      error={formError}
      submitLabel={t('identity.forgot.submit')}
      loading={loading}
      onSubmit={handleSubmit}
    >
      <TextInput
        label={t('identity.email')}
        type="email"
        autoComplete="username"
        autoFocus
        value={email}
        error={fieldError}
        onChange={(event) => setEmail(event.currentTarget.value)}
      />
    </AuthForm>
  );
}
