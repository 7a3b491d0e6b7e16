import { useApolloClient, useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { Alert, Anchor, Box, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../ui/FormError';
import { LanguageMenu } from '../../ui/LanguageMenu';
import { Logo } from '../../ui/Logo';
import { ConfirmEmailChangeDocument } from './confirm-email.graphql';

const errorKeys: Record<string, string> = {
  LINK_EXPIRED: 'confirmEmail.expired',
  EMAIL_TAKEN: 'confirmEmail.taken',
};

/** Opened from the link sent to a new email address; works without a session, on any device. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const client = useApolloClient();
  const [confirm] = useMutation(ConfirmEmailChangeDocument);
  const [result, setResult] = useState<{ email: string } | { errorKey: string } | null>(null);
  // The link is single-use: React's development double effects must not send it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    confirm({ variables: { input: { token } } })
      .then(async ({ data }) => {
        if (!data) throw new Error('no data');
        setResult({ email: data.confirmEmailChange.email });
        await client.refetchQueries({ include: 'active' });
      })
      .catch((error: unknown) => {
        const code = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.code : undefined;
        setResult({ errorKey: (typeof code === 'string' && errorKeys[code]) || 'confirmEmail.invalid' });
      });
  }, [client, confirm, token]);

  return (
    <Box mih="100dvh" bg="gray.0">
      <Group justify="space-between" px="lg" py="md">
        <Anchor component={Link} to="/" underline="never">
          <Logo />
        </Anchor>
        <LanguageMenu />
      </Group>
      <Center px="md" pt={{ base: 'md', sm: 60 }}>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={460}>
          <Stack gap="md">
            <Title order={1} size="h3">
              {t('confirmEmail.title')}
            </Title>
            {!result && (
              <Group gap="sm">
                <Loader size="sm" />
                <Text>{t('confirmEmail.working')}</Text>
              </Group>
            )}
            {result && 'email' in result && (
              <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status">
                {t('confirmEmail.done', { email: result.email })}
              </Alert>
            )}
            {result && 'errorKey' in result && <FormError message={t(result.errorKey)} />}
            {result && (
              <Button component={Link} to="/">
                {t('confirmEmail.continue')}
              </Button>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
