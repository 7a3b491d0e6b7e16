import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../session/viewer';
import { useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { ApproveDeviceAuthorizationDocument, DeviceAuthorizationDocument } from './connect.graphql';
import { ScopeList } from './ScopeList';

interface Waiting {
  userCode: string;
  clientName: string;
  scopes: string[];
}

/** `/device`: the person types the code a desktop product or terminal shows (RFC 8628) and allows it. */
export function DevicePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const errorText = useApiErrorText();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [looking, setLooking] = useState(false);
  const [done, setDone] = useState<'allowed' | 'refused' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [approve, approving] = useMutation(ApproveDeviceAuthorizationDocument);

  async function lookUp(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setLooking(true);
    try {
      const userCode = code.trim();
      const { data } = await client.query({ query: DeviceAuthorizationDocument, variables: { userCode }, fetchPolicy: 'network-only' });
      if (data) setWaiting({ userCode, clientName: data.deviceAuthorization.clientName, scopes: data.deviceAuthorization.scopes });
    } catch (caught) {
      setFailure(errorText(caught));
    } finally {
      setLooking(false);
    }
  }

  async function answer(allow: boolean) {
    if (!waiting) return;
    setFailure(null);
    try {
      await approve({ variables: { userCode: waiting.userCode, allow } });
      setDone(allow ? 'allowed' : 'refused');
    } catch (caught) {
      setFailure(errorText(caught));
    }
  }

  return (
    <Stack gap="lg" maw={560}>
      <PageHeader title={t('connect.device.title')} description={t('connect.device.description')} />
      <Paper withBorder radius="md" p="lg">
        {done ? (
          <Alert color={done === 'allowed' ? 'teal' : 'gray'} icon={<IconCircleCheck size={18} />} title={t(`connect.device.${done}Title`)}>
            {t(`connect.device.${done}Text`, { product: waiting?.clientName ?? '' })}
          </Alert>
        ) : waiting ? (
          <Stack gap="md">
            <Text size="sm">{t('connect.device.asks', { product: waiting.clientName, email: viewer.email, account: viewer.account.name })}</Text>
            <ScopeList scopes={waiting.scopes} />
            <FormError message={failure} />
            <Group justify="flex-end" wrap="wrap">
              <Button variant="default" onClick={() => void answer(false)} disabled={approving.loading}>
                {t('connect.deny')}
              </Button>
              <Button onClick={() => void answer(true)} loading={approving.loading}>
                {t('connect.allow')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={(event) => void lookUp(event)}>
            <Stack gap="md">
              <TextInput
                label={t('connect.device.codeLabel')}
                description={t('connect.device.codeHint')}
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                autoComplete="one-time-code"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                required
                styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.15em', textTransform: 'uppercase' } }}
              />
              <FormError message={failure} />
              <Group justify="flex-end">
                <Button type="submit" loading={looking}>
                  {t('connect.device.continue')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Paper>
    </Stack>
  );
}
