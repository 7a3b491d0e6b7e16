import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Code, Group, Image, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { BeginOperatorSetupMutation } from '../../gql/graphql';
import { currentLanguage } from '../../i18n';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { AuthFrame, AuthHeading } from '../../ui/AuthFrame';
import { FormError } from '../../ui/FormError';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { BeginOperatorSetupDocument, CompleteOperatorSetupDocument, OperatorSetupLinkDocument } from './setup.graphql';

type Authenticator = BeginOperatorSetupMutation['beginOperatorSetup'];

/**
 * /setup/<token>: a single-use link creates a member of the vendor's staff. Name and password,
 * then an authenticator app set up on the spot (2-step verification is required for staff), then
 * the recovery codes; they land in the Vendor console.
 */
export function SetupPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const link = useQuery(OperatorSetupLinkDocument, { variables: { token }, fetchPolicy: 'network-only' });
  const [authenticator, setAuthenticator] = useState<Authenticator | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (link.loading) return <FullPageLoader />;
  if (!link.data) {
    return (
      <AuthFrame>
        <Stack>
          <AuthHeading title={t('vendor.setup.title')} subtitle="" />
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert">
            {apiError(link.error)?.code === 'SETUP_LINK_INVALID' ? t('vendor.setup.invalid') : t('errors.generic')}
          </Alert>
        </Stack>
      </AuthFrame>
    );
  }
  const info = link.data.operatorSetupLink;
  return (
    <AuthFrame>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} />
      ) : authenticator ? (
        <ScanStep token={token} authenticator={authenticator} onDone={setRecoveryCodes} />
      ) : (
        <PersonStep token={token} fixedEmail={info.email} role={info.role} onBegun={setAuthenticator} />
      )}
    </AuthFrame>
  );
}

function PersonStep({ token, fixedEmail, role, onBegun }: { token: string; fixedEmail: string | null; role: string; onBegun: (setup: Authenticator) => void }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [password, setPassword] = useState('');
  const [begin, { loading, error }] = useMutation(BeginOperatorSetupDocument);
  const failed = apiError(error);
  const fieldError = (field: string) => (failed?.field === field ? errorText(error) : null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const { data } = await begin({
        variables: { input: { token, email: fixedEmail ? null : email, firstName, lastName, password, language: currentLanguage() === 'sl' ? 'SL' : 'EN' } },
      });
      if (data) onBegun(data.beginOperatorSetup);
    } catch {
      // shown by the fields
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md">
        <AuthHeading title={t('vendor.setup.title')} subtitle={t('vendor.setup.subtitle', { role: t(`vendor.roles.${role}`) })} />
        <TextInput label={t('vendor.setup.email')} type="email" autoComplete="username" required value={email} disabled={Boolean(fixedEmail)} onChange={(event) => setEmail(event.currentTarget.value)} error={fieldError('email')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('vendor.invite.firstName')} required value={firstName} onChange={(event) => setFirstName(event.currentTarget.value)} error={fieldError('firstName')} />
          <TextInput label={t('vendor.invite.lastName')} required value={lastName} onChange={(event) => setLastName(event.currentTarget.value)} error={fieldError('lastName')} />
        </SimpleGrid>
        <PasswordInput label={t('vendor.setup.password')} description={t('vendor.setup.passwordHint')} autoComplete="new-password" required value={password} onChange={(event) => setPassword(event.currentTarget.value)} error={fieldError('password')} />
        <FormError message={error && !failed?.field ? errorText(error) : null} />
        <Button type="submit" fullWidth loading={loading}>
          {t('vendor.setup.continue')}
        </Button>
      </Stack>
    </form>
  );
}

function ScanStep({ token, authenticator, onDone }: { token: string; authenticator: Authenticator; onDone: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [code, setCode] = useState('');
  const [complete, { loading, error }] = useMutation(CompleteOperatorSetupDocument);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const { data } = await complete({ variables: { input: { token, code } } });
      if (data) onDone(data.completeOperatorSetup.recoveryCodes);
    } catch {
      // shown below
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md">
        <AuthHeading title={t('vendor.setup.scanTitle')} subtitle={t('vendor.setup.scanText')} />
        <Group justify="center">
          <Image src={authenticator.qrCodeDataUrl} alt={t('vendor.setup.qrAlt')} w={200} h={200} />
        </Group>
        <Text size="sm" ta="center">
          {t('vendor.setup.secret')} <Code data-testid="totp-secret">{authenticator.secret}</Code>
        </Text>
        <TextInput label={t('vendor.setup.code')} inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(event) => setCode(event.currentTarget.value)} error={error ? errorText(error) : null} />
        <Button type="submit" fullWidth loading={loading}>
          {t('vendor.setup.finish')}
        </Button>
      </Stack>
    </form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  return (
    <Stack gap="md">
      <AuthHeading title={t('vendor.setup.doneTitle')} subtitle={t('vendor.setup.doneText')} />
      <Alert color="teal" variant="light" icon={<IconCircleCheck />}>
        {t('vendor.setup.recoveryText')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" data-testid="recovery-codes">
        {codes.map((code) => (
          <Code key={code} ta="center">
            {code}
          </Code>
        ))}
      </SimpleGrid>
      <Button
        fullWidth
        onClick={() => {
          void client.clearStore().then(() => navigate('/vendor', { replace: true }));
        }}
      >
        {t('vendor.setup.toConsole')}
      </Button>
    </Stack>
  );
}
