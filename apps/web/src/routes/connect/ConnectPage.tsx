import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { useViewer } from '../../session/viewer';
import { useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { OidcInteractionDocument } from './connect.graphql';
import { ScopeList } from './ScopeList';

/**
 * `/connect/:uid`: a product's sign-in through Seatwise (the OpenID provider sends the browser
 * here; signing in, with 2-step, comes first when needed). Allowing it finishes the interaction for
 * the signed-in person and the browser goes back to the product's loopback address.
 */
export function ConnectPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const errorText = useApiErrorText();
  const uid = useParams().uid ?? '';
  const { data, error, loading } = useQuery(OidcInteractionDocument, { variables: { uid }, fetchPolicy: 'network-only' });
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function answer(allow: boolean) {
    setSending(true);
    setFailure(null);
    try {
      const response = await fetch(`/oidc/interaction/${encodeURIComponent(uid)}/confirm`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'accept-language': currentLanguage() },
        body: JSON.stringify({ allow }),
      });
      const body = (await response.json()) as { redirectTo?: string; error?: { message?: string } };
      if (!response.ok || !body.redirectTo) throw new Error(body.error?.message ?? t('connect.failed'));
      window.location.assign(body.redirectTo);
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : t('connect.failed'));
      setSending(false);
    }
  }

  const interaction = data?.oidcInteraction;
  return (
    <Stack gap="lg" maw={560}>
      <PageHeader title={t('connect.signIn.title')} />
      <Paper withBorder radius="md" p="lg">
        {loading && !data ? (
          <Skeleton height={120} />
        ) : error || !interaction ? (
          <Alert color="gray" title={t('connect.signIn.endedTitle')}>
            {errorText(error) ?? t('connect.failed')}
          </Alert>
        ) : (
          <Stack gap="md">
            <Text size="sm">{t('connect.signIn.asks', { product: interaction.clientName, email: viewer.email, account: viewer.account.name })}</Text>
            <ScopeList scopes={interaction.scopes} />
            <FormError message={failure} />
            <Group justify="flex-end" wrap="wrap">
              <Button variant="default" onClick={() => void answer(false)} disabled={sending}>
                {t('connect.deny')}
              </Button>
              <Button onClick={() => void answer(true)} loading={sending}>
                {t('connect.allow')}
              </Button>
            </Group>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
