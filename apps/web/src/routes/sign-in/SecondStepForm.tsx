import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondStepCodeKind, TwoStepMethod } from '@seatwise/schema/client';
import type { ViewerFieldsFragment } from '../../gql/graphql';
import { FormError } from '../../ui/FormError';
import { CompleteSignInDocument, SendSignInSmsCodeDocument } from './second-step.graphql';

export interface SecondStep {
  method: TwoStepMethod;
  phoneHint?: string | null;
}

const errorKeys: Record<string, string> = {
  BAD_USER_INPUT: 'security.errors.wrongCode',
  TOO_MANY_ATTEMPTS: 'security.errors.tooManyAttempts',
  TOO_MANY_REQUESTS: 'security.errors.tooManyRequests',
  SECOND_STEP_EXPIRED: 'secondStep.expired',
};

/**
 * The second step of signing in (F-05): a code from the app or text message, or a recovery code.
 * The password step opened no session; this one does.
 */
export function SecondStepForm({
  challenge,
  onSignedIn,
  onStaffSignedIn,
  onStartOver,
}: {
  challenge: SecondStep;
  onSignedIn: (viewer: ViewerFieldsFragment) => Promise<void>;
  /** Vendor staff land in the Vendor console instead. */
  onStaffSignedIn: () => Promise<void>;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [info, setInfo] = useState<string | null>(null);
  const [complete, { loading }] = useMutation(CompleteSignInDocument);
  const [sendSms, sending] = useMutation(SendSignInSmsCodeDocument);
  const sms = challenge.method === 'SMS';
  const kind: SecondStepCodeKind = recovery ? 'RECOVERY_CODE' : challenge.method;

  function fail(error: unknown) {
    const code = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.code : undefined;
    if (code === 'SECOND_STEP_EXPIRED') setExpired(true);
    setErrorKey((typeof code === 'string' && errorKeys[code]) || 'signIn.failed');
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setInfo(null);
    const typed = code.replace(/[\s-]/g, '');
    if (recovery ? !/^[A-Za-z0-9]{8}$/.test(typed) : !/^\d{6}$/.test(typed)) {
      setErrorKey(recovery ? 'security.errors.recoveryFormat' : 'security.errors.codeFormat');
      return;
    }
    setErrorKey(null);
    try {
      const { data } = await complete({ variables: { input: { code, kind } } });
      if (data?.completeSignIn.staff) {
        await onStaffSignedIn();
        return;
      }
      const viewer = data?.completeSignIn.viewer;
      if (!viewer) throw new Error('completeSignIn returned no viewer');
      await onSignedIn(viewer);
    } catch (error) {
      fail(error);
    }
  }

  async function handleSendSms() {
    setErrorKey(null);
    try {
      await sendSms();
      setInfo(t('secondStep.smsSent'));
    } catch (error) {
      fail(error);
    }
  }

  const intro = recovery
    ? t('secondStep.recoveryIntro')
    : sms
      ? t('secondStep.smsIntro', { phone: challenge.phoneHint ?? '' })
      : t('secondStep.appIntro');

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md">
        <div>
          <Group gap="xs">
            <IconShieldLock size={22} color="var(--mantine-color-indigo-6)" />
            <Title order={1} size="h2">
              {t('secondStep.title')}
            </Title>
          </Group>
          <Text c="dimmed" size="sm" mt={4}>
            {intro}
          </Text>
        </div>
        <FormError message={errorKey && t(errorKey)} />
        {info && (
          <Alert color="blue" variant="light" role="status">
            {info}
          </Alert>
        )}
        {expired ? (
          <Button onClick={onStartOver}>{t('secondStep.startOver')}</Button>
        ) : (
          <>
            <TextInput
              key={recovery ? 'recovery' : 'code'}
              label={recovery ? t('secondStep.recoveryCode') : t('secondStep.code')}
              inputMode={recovery ? 'text' : 'numeric'}
              autoComplete="one-time-code"
              autoFocus
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <Button type="submit" fullWidth size="md" loading={loading}>
              {t('secondStep.submit')}
            </Button>
            <Stack gap={6} align="flex-start">
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  setRecovery((on) => !on);
                  setCode('');
                  setErrorKey(null);
                }}
              >
                {recovery ? t(sms ? 'secondStep.useSms' : 'secondStep.useApp') : t('secondStep.useRecovery')}
              </Anchor>
              {sms && !recovery && (
                <Anchor component="button" type="button" size="sm" onClick={() => void handleSendSms()} disabled={sending.loading}>
                  {t('secondStep.sendSms')}
                </Anchor>
              )}
              <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onStartOver}>
                {t('secondStep.startOver')}
              </Anchor>
            </Stack>
          </>
        )}
      </Stack>
    </form>
  );
}
