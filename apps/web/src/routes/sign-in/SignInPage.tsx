import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCircleCheck, IconSparkles } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrand } from '../../brand/brand';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { ViewerFieldsFragment } from '../../gql/graphql';
import { MeDocument } from '../../session/session.graphql';
import { FormError } from '../../ui/FormError';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { AuthFrame, AuthHeading } from '../../ui/AuthFrame';
import { SecondStepForm, type SecondStep } from './SecondStepForm';
import { BeginSingleSignOnDocument, SignInDocument, SignInServerInfoDocument, SingleSignOnRoutesDocument } from './sign-in.graphql';

const demoEmail = 'admin@example.com';
const demoOperatorEmail = 'vendor@example.com';
const demoPassword = 'Seatwise-demo-1';

/** One demo sign-in: what it is for, its email and password, and a button that fills them in. */
function DemoCredentials({ text, email, use, onUse, first = false }: { text: string; email: string; use: string; onUse: (email: string) => void; first?: boolean }) {
  return (
    <>
      <Text size="sm" mt={first ? 0 : 'sm'}>
        {text}
      </Text>
      <Group gap="xs" mt={6}>
        <Code>{email}</Code>
        <Code>{demoPassword}</Code>
      </Group>
      <Button mt="sm" size="xs" variant="white" onClick={() => onUse(email)}>
        {use}
      </Button>
    </>
  );
}

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { brand } = useBrand();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useApolloClient();
  const me = useQuery(MeDocument);
  const serverInfo = useQuery(SignInServerInfoDocument);
  const [signIn, { loading }] = useMutation(SignInDocument);
  const [beginSso, ssoState] = useMutation(BeginSingleSignOnDocument);
  const arrived = location.state as { passwordReset?: boolean; email?: unknown } | null;
  const [email, setEmail] = useState(typeof arrived?.email === 'string' ? arrived.email : '');
  const [password, setPassword] = useState('');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [secondStep, setSecondStep] = useState<SecondStep | null>(null);
  // The provider's refusal, back from /api/sso/callback as ?sso=<CODE>.
  const ssoRefusal = new URLSearchParams(location.search).get('sso');
  const ssoRefusalText = ssoRefusal ? t(`signIn.ssoErrors.${ssoRefusal}`, { defaultValue: t('signIn.ssoErrors.SSO_PROVIDER_ERROR') }) : null;

  // An API without the demo flag yet: the demo data runs on developers' machines.
  const showDemo =
    serverInfo.data?.serverInfo.demo ??
    (serverInfo.error !== undefined && ['localhost', '127.0.0.1'].includes(window.location.hostname));

  if (me.loading && !me.data) return <FullPageLoader />;
  if (me.data?.me) return <Navigate to={returnPath(location.state)} replace />;

  async function finishSignIn(viewer: ViewerFieldsFragment) {
    // Whatever an earlier session cached belongs to someone else.
    await client.clearStore();
    client.cache.writeQuery({ query: MeDocument, data: { me: viewer } });
    await navigate(returnPath(location.state), { replace: true });
  }

  async function finishStaffSignIn() {
    await client.clearStore();
    await navigate('/vendor', { replace: true });
  }

  /** Sends the browser to the provider of the email's domain; false when no verified domain routes it. */
  async function singleSignOn(): Promise<boolean> {
    try {
      const { data } = await beginSso({ variables: { email: email.trim() } });
      if (!data) return false;
      window.location.assign(data.beginSingleSignOn.redirectUrl);
      return true;
    } catch (error) {
      const code = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.code : undefined;
      if (code === 'SSO_DOMAIN_NOT_VERIFIED') return false;
      throw error;
    }
  }

  async function handleSingleSignOn() {
    setErrorKey(null);
    setServerMessage(null);
    try {
      if (!(await singleSignOn())) setErrorKey('signIn.ssoNotSetUp');
    } catch {
      setErrorKey('signIn.failed');
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrorKey(null);
    setServerMessage(null);
    try {
      // An email whose domain signs in through its organisation's provider goes there; a password
      // typed anyway is the primary admin's break-glass way in, which the server decides on.
      if (!password && email.includes('@')) {
        const routes = await client.query({ query: SingleSignOnRoutesDocument, variables: { email: email.trim() }, fetchPolicy: 'network-only' });
        if (routes.data?.singleSignOnRoutes && (await singleSignOn())) return;
      }
      const { data } = await signIn({ variables: { input: { email: email.trim(), password } } });
      if (!data) throw new Error('signIn returned no data');
      if (data.signIn.secondStep) {
        setPassword('');
        setSecondStep(data.signIn.secondStep);
        return;
      }
      if (data.signIn.staff) {
        await finishStaffSignIn();
        return;
      }
      if (!data.signIn.viewer) throw new Error('signIn returned no viewer');
      await finishSignIn(data.signIn.viewer);
    } catch (error) {
      const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
      const code = first?.extensions?.code;
      // A suspended or closed customer, or vendor staff without 2-step: the server says why, in the UI language.
      if ((code === 'ACCOUNT_SUSPENDED' || code === 'TWO_STEP_REQUIRED' || code === 'SSO_REQUIRED' || code === 'BREAK_GLASS_NEEDS_TWO_STEP') && first?.message) {
        setServerMessage(first.message);
        return;
      }
      setErrorKey(
        code === 'INVALID_CREDENTIALS'
          ? 'signIn.invalidCredentials'
          : code === 'TOO_MANY_ATTEMPTS'
            ? 'identity.errors.TOO_MANY_ATTEMPTS'
            : 'signIn.failed',
      );
    }
  }

  function fillIn(demo: string) {
    setEmail(demo);
    setPassword(demoPassword);
  }

  const demoCard = showDemo && (
    <Paper withBorder radius="md" p="md" bg="indigo.0" style={{ borderColor: 'var(--mantine-color-indigo-2)' }}>
      <Group gap="xs" mb={6}>
        <IconSparkles size={18} color="var(--mantine-color-indigo-6)" />
        <Text fw={600} size="sm">
          {t('signIn.demoTitle')}
        </Text>
      </Group>
      <DemoCredentials text={t('signIn.demoText')} email={demoEmail} use={t('signIn.demoUse')} onUse={fillIn} first />
      <DemoCredentials text={t('signIn.demoOperatorText')} email={demoOperatorEmail} use={t('signIn.demoUseOperator')} onUse={fillIn} />
      <Anchor component={Link} to="/outbox" size="sm" ml="md">
        {t('outbox.open')}
      </Anchor>
    </Paper>
  );

  return (
    <AuthFrame below={demoCard}>
      {secondStep ? (
        <SecondStepForm challenge={secondStep} onSignedIn={finishSignIn} onStaffSignedIn={finishStaffSignIn} onStartOver={() => setSecondStep(null)} />
      ) : (
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Stack gap="md">
            <AuthHeading title={t('signIn.title', { name: brand.name })} subtitle={t('signIn.subtitle')} />
            {arrived?.passwordReset && !errorKey && (
              <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status">
                {t('identity.reset.done')}
              </Alert>
            )}
            <FormError message={errorKey ? t(errorKey) : (serverMessage ?? ssoRefusalText)} />
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              withAsterisk={false}
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" fullWidth size="md" loading={loading}>
              {t('signIn.submit')}
            </Button>
            {/* After the button, so that Tab goes email, password, Sign in (issue 22, item 5). */}
            <Anchor component={Link} to="/forgot-password" state={{ email: email.trim() }} size="sm" fw={600} ta="center">
              {t('signIn.forgot')}
            </Anchor>
            <Button variant="default" fullWidth loading={ssoState.loading} onClick={() => void handleSingleSignOn()}>
              {t('signIn.sso')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
