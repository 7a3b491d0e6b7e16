import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Checkbox, Code, Group, Paper, Select, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { formatDateTime } from '../../ui/format';
import {
  AddSsoProviderDocument,
  ClaimSsoDomainDocument,
  RemoveSsoDomainDocument,
  RemoveSsoProviderDocument,
  SetSingleSignOnRequiredDocument,
  SingleSignOnDocument,
  VerifySsoDomainDocument,
} from './directory.graphql';

const emptyProvider = { name: '', issuer: '', clientId: '', clientSecret: '', jitEnabled: false, jitClaim: '', groupsClaim: '' };

/** Directory and sign-in → Single sign-on: OpenID Connect providers, claimed domains, Require single sign-on. */
export function SingleSignOnSection() {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const { data, refetch } = useQuery(SingleSignOnDocument, { fetchPolicy: 'cache-and-network' });
  const [addProvider, addState] = useMutation(AddSsoProviderDocument);
  const [removeProvider, removeProviderState] = useMutation(RemoveSsoProviderDocument);
  const [claimDomain, claimState] = useMutation(ClaimSsoDomainDocument);
  const [verifyDomain, verifyState] = useMutation(VerifySsoDomainDocument);
  const [removeDomain, removeDomainState] = useMutation(RemoveSsoDomainDocument);
  const [setRequired, requiredState] = useMutation(SetSingleSignOnRequiredDocument);
  const [provider, setProvider] = useState(emptyProvider);
  const [domain, setDomain] = useState('');
  const [domainProvider, setDomainProvider] = useState<string | null>(null);
  const settings = data?.singleSignOnSettings;
  if (!settings) return null;
  const providerName = (id: string) => settings.providers.find((each) => each.id === id)?.name ?? '—';

  async function submitProvider(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      name: provider.name,
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      jitEnabled: provider.jitEnabled,
      jitClaim: provider.jitClaim || null,
      groupsClaim: provider.groupsClaim || null,
    };
    const result = await addProvider({ variables: { input } }).catch(() => null);
    if (result?.data) {
      setProvider(emptyProvider);
      await refetch();
    }
  }

  async function submitDomain(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const providerId = domainProvider ?? settings?.providers[0]?.id;
    if (!providerId) return;
    const result = await claimDomain({ variables: { providerId, domain } }).catch(() => null);
    if (result?.data) {
      setDomain('');
      await refetch();
    }
  }

  const run = async (work: Promise<unknown>) => {
    await work.catch(() => null);
    await refetch();
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="single-sign-on">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('directory.sso.title')}
          </Title>
          <Badge color={settings.required ? 'green' : 'gray'} variant="light">
            {settings.required ? t('directory.sso.requiredOn') : t('directory.sso.requiredOff')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('directory.sso.text')}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('directory.sso.redirectUri')}
          </Text>
          <Code block data-testid="sso-redirect-uri">
            {settings.redirectUri}
          </Code>
        </Stack>

        <Title order={3} size="h5">
          {t('directory.sso.providers')}
        </Title>
        {settings.providers.length === 0 ? (
          <Text size="sm">{t('directory.sso.noProviders')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('directory.sso.name')}</Table.Th>
                  <Table.Th>{t('directory.sso.issuer')}</Table.Th>
                  <Table.Th>{t('directory.sso.clientId')}</Table.Th>
                  <Table.Th>{t('directory.sso.jit')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('directory.sso.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {settings.providers.map((each) => (
                  <Table.Tr key={each.id}>
                    <Table.Td>{each.name}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{each.issuer}</Table.Td>
                    <Table.Td>{each.clientId}</Table.Td>
                    <Table.Td>{each.jitEnabled ? (each.jitClaim ? t('directory.sso.jitWithClaim', { claim: each.jitClaim }) : t('directory.sso.jitOn')) : t('directory.sso.jitOff')}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" color="red" loading={removeProviderState.loading} onClick={() => void run(removeProvider({ variables: { providerId: each.id } }))}>
                        {t('directory.sso.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={(event) => void submitProvider(event)} noValidate aria-label={t('directory.sso.addProvider')}>
          <Stack gap="sm">
            <Group grow wrap="wrap" align="flex-start">
              <TextInput label={t('directory.sso.name')} value={provider.name} onChange={(event) => setProvider({ ...provider, name: event.currentTarget.value })} />
              <TextInput label={t('directory.sso.issuer')} placeholder="https://login.example.com" value={provider.issuer} onChange={(event) => setProvider({ ...provider, issuer: event.currentTarget.value })} />
            </Group>
            <Group grow wrap="wrap" align="flex-start">
              <TextInput label={t('directory.sso.clientId')} value={provider.clientId} onChange={(event) => setProvider({ ...provider, clientId: event.currentTarget.value })} />
              <TextInput label={t('directory.sso.clientSecret')} type="password" autoComplete="off" value={provider.clientSecret} onChange={(event) => setProvider({ ...provider, clientSecret: event.currentTarget.value })} />
            </Group>
            <Checkbox label={t('directory.sso.jitLabel')} checked={provider.jitEnabled} onChange={(event) => setProvider({ ...provider, jitEnabled: event.currentTarget.checked })} />
            <Group grow wrap="wrap" align="flex-start">
              <TextInput label={t('directory.sso.jitClaim')} description={t('directory.sso.jitClaimHelp')} disabled={!provider.jitEnabled} value={provider.jitClaim} onChange={(event) => setProvider({ ...provider, jitClaim: event.currentTarget.value })} />
              <TextInput label={t('directory.sso.groupsClaim')} description={t('directory.sso.groupsClaimHelp')} placeholder="groups" value={provider.groupsClaim} onChange={(event) => setProvider({ ...provider, groupsClaim: event.currentTarget.value })} />
            </Group>
            <FormError message={addState.error ? errorText(addState.error) : null} />
            <Button type="submit" w="fit-content" loading={addState.loading}>
              {t('directory.sso.addProvider')}
            </Button>
          </Stack>
        </form>

        <Title order={3} size="h5">
          {t('directory.sso.domains')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('directory.sso.domainsText')}
        </Text>
        {settings.domains.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('directory.sso.domain')}</Table.Th>
                  <Table.Th>{t('directory.sso.provider')}</Table.Th>
                  <Table.Th>{t('directory.sso.txtRecord')}</Table.Th>
                  <Table.Th>{t('directory.sso.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('directory.sso.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {settings.domains.map((each) => (
                  <Table.Tr key={each.id} data-testid={`sso-domain-${each.domain}`}>
                    <Table.Td>{each.domain}</Table.Td>
                    <Table.Td>{providerName(each.providerId)}</Table.Td>
                    <Table.Td>
                      <Code style={{ wordBreak: 'break-all' }}>{each.txtRecord}</Code>
                    </Table.Td>
                    <Table.Td>
                      {each.verifiedAt ? (
                        <Badge color="green" variant="light">
                          {t('directory.sso.verified', { when: formatDateTime(each.verifiedAt, i18n.language) })}
                        </Badge>
                      ) : (
                        <Badge color="yellow" variant="light">
                          {t('directory.sso.unverified')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {!each.verifiedAt && (
                          <Button size="xs" loading={verifyState.loading} onClick={() => void run(verifyDomain({ variables: { domainId: each.id } }))}>
                            {t('directory.sso.verify')}
                          </Button>
                        )}
                        <Button size="xs" variant="default" color="red" loading={removeDomainState.loading} onClick={() => void run(removeDomain({ variables: { domainId: each.id } }))}>
                          {t('directory.sso.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <FormError message={errorText(verifyState.error ?? removeDomainState.error ?? removeProviderState.error)} />
        {settings.providers.length > 0 && (
          <form onSubmit={(event) => void submitDomain(event)} noValidate aria-label={t('directory.sso.claimDomain')}>
            <Group align="flex-end" wrap="wrap">
              <TextInput label={t('directory.sso.domain')} placeholder="example.com" value={domain} onChange={(event) => setDomain(event.currentTarget.value)} />
              <Select
                label={t('directory.sso.provider')}
                data={settings.providers.map((each) => ({ value: each.id, label: each.name }))}
                value={domainProvider ?? settings.providers[0]?.id ?? null}
                onChange={setDomainProvider}
                allowDeselect={false}
              />
              <Button type="submit" loading={claimState.loading}>
                {t('directory.sso.claimDomain')}
              </Button>
            </Group>
            <FormError message={claimState.error ? errorText(claimState.error) : null} />
          </form>
        )}

        <Switch
          label={t('directory.sso.require')}
          description={t('directory.sso.requireHelp')}
          checked={settings.required}
          disabled={requiredState.loading}
          onChange={(event) => void run(setRequired({ variables: { required: event.currentTarget.checked } }))}
        />
        <FormError message={requiredState.error ? errorText(requiredState.error) : null} />
      </Stack>
    </Paper>
  );
}
