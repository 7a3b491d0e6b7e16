import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconMail } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { countryName } from '../profile/countries';
import { CustomerContracts } from './CustomerContracts';
import { statusColor } from './customer-status';
import { useStaff } from './VendorLayout';
import {
  CloseCustomerDocument,
  CustomerDocument,
  CustomerPeopleDocument,
  InviteCustomerPrimaryAdminDocument,
  ReactivateCustomerDocument,
  SuspendCustomerDocument,
} from './vendor.graphql';

/** One customer: its facts, suspend / reactivate / close, inviting its primary admin, and its people (each read audited). */
export function CustomerPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const staff = useStaff();
  const errorText = useApiErrorText();
  const { data, error, refetch } = useQuery(CustomerDocument, { variables: { id } });
  const [suspend, suspending] = useMutation(SuspendCustomerDocument);
  const [reactivate, reactivating] = useMutation(ReactivateCustomerDocument);
  const [close, closing] = useMutation(CloseCustomerDocument);
  const [loadPeople, people] = useLazyQuery(CustomerPeopleDocument, { fetchPolicy: 'network-only' });
  const [confirmClose, setConfirmClose] = useState(false);
  const changeError = suspending.error ?? reactivating.error ?? closing.error;

  if (error && !data) return <ErrorPanel title={errorText(error) ?? undefined} onRetry={() => void refetch()} />;
  if (!data) return <FullPageLoader />;
  const customer = data.customer;
  const operator = staff.role === 'OPERATOR';
  const facts: [string, string][] = [
    [t('vendor.fields.country'), customer.country ? countryName(customer.country, i18n.language) : '—'],
    [t('vendor.fields.timeZone'), customer.timeZone],
    [t('vendor.fields.language'), customer.language === 'SL' ? 'Slovenščina' : 'English'],
    [t('vendor.fields.externalId'), customer.externalId ?? '—'],
    [t('vendor.fields.users'), formatNumber(customer.userCount, i18n.language)],
    [t('vendor.fields.seats'), formatNumber(customer.seatCount, i18n.language)],
    [t('vendor.fields.primaryAdmin'), customer.primaryAdminEmail ?? t('vendor.customers.noAdmin')],
  ];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/vendor" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('vendor.customers.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={customer.name}
        aside={
          <Badge size="lg" variant="light" color={statusColor[customer.status]}>
            {t(`vendor.status.${customer.status}`)}
          </Badge>
        }
      />
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('vendor.customer.tabOverview')}</Tabs.Tab>
          <Tabs.Tab value="contracts">{t('vendor.customer.tabContracts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contracts" pt="md">
          <CustomerContracts customerId={id} operator={operator} />
        </Tabs.Panel>
        <Tabs.Panel value="overview" pt="md">
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                      {label}
                    </Text>
                    <Text size="sm">{value}</Text>
                  </div>
                ))}
              </SimpleGrid>
            </Paper>

            {operator && (
              <Paper withBorder radius="md" p="md">
                <Title order={2} size="h4" mb="sm">
                  {t('vendor.customer.actions')}
                </Title>
                <Group>
                  {customer.status === 'ACTIVE' && (
                    <Button color="orange" variant="light" loading={suspending.loading} onClick={() => void suspend({ variables: { id } }).catch(() => undefined)}>
                      {t('vendor.customer.suspend')}
                    </Button>
                  )}
                  {customer.status === 'SUSPENDED' && (
                    <Button color="teal" variant="light" loading={reactivating.loading} onClick={() => void reactivate({ variables: { id } }).catch(() => undefined)}>
                      {t('vendor.customer.reactivate')}
                    </Button>
                  )}
                  {customer.status !== 'CLOSED' &&
                    (confirmClose ? (
                      <Group gap="xs">
                        <Text size="sm">{t('vendor.customer.closeConfirm')}</Text>
                        <Button color="red" loading={closing.loading} onClick={() => void close({ variables: { id } }).catch(() => undefined)}>
                          {t('vendor.customer.closeYes')}
                        </Button>
                        <Button variant="default" onClick={() => setConfirmClose(false)}>
                          {t('vendor.cancel')}
                        </Button>
                      </Group>
                    ) : (
                      <Button color="red" variant="subtle" onClick={() => setConfirmClose(true)}>
                        {t('vendor.customer.close')}
                      </Button>
                    ))}
                </Group>
                <Text size="sm" c="dimmed" mt="xs">
                  {t(`vendor.customer.statusHelp.${customer.status}`)}
                </Text>
                <FormError message={changeError ? errorText(changeError) : null} />
                {!customer.primaryAdminEmail && customer.status === 'ACTIVE' && <InvitePrimaryAdmin customerId={id} onInvited={() => void refetch()} />}
              </Paper>
            )}

            <Paper withBorder radius="md" p="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {t('vendor.people.title')}
                </Title>
                {!people.data && (
                  <Button variant="default" loading={people.loading} onClick={() => void loadPeople({ variables: { customerId: id } })}>
                    {t('vendor.people.show')}
                  </Button>
                )}
              </Group>
              <Alert variant="light" color="gray" icon={<IconAlertTriangle size={16} />}>
                {t('vendor.people.audited')}
              </Alert>
              {people.data && (
                <Table mt="sm" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('vendor.people.name')}</Table.Th>
                      <Table.Th>{t('vendor.people.email')}</Table.Th>
                      <Table.Th>{t('vendor.people.role')}</Table.Th>
                      <Table.Th>{t('vendor.people.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {people.data.customerPeople.edges.map(({ node }) => (
                      <Table.Tr key={node.id}>
                        <Table.Td>
                          {node.firstName} {node.lastName}
                        </Table.Td>
                        <Table.Td>{node.email}</Table.Td>
                        <Table.Td>{t(`vendor.people.roles.${node.role}`)}</Table.Td>
                        <Table.Td>{t(`vendor.people.statuses.${node.status}`)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function InvitePrimaryAdmin({ customerId, onInvited }: { customerId: string; onInvited: () => void }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [invite, { loading, error, data }] = useMutation(InviteCustomerPrimaryAdminDocument);
  const failed = apiError(error);
  const fieldError = (field: string) => (failed?.field === field ? errorText(error) : null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await invite({ variables: { input: { customerId, email, firstName, lastName } } });
      onInvited();
    } catch {
      // shown below
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Title order={3} size="h5" mt="lg" mb="xs">
        {t('vendor.invite.title')}
      </Title>
      <Group align="flex-start" wrap="wrap">
        <TextInput label={t('vendor.people.email')} type="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} error={fieldError('email')} />
        <TextInput label={t('vendor.invite.firstName')} required value={firstName} onChange={(event) => setFirstName(event.currentTarget.value)} error={fieldError('firstName')} />
        <TextInput label={t('vendor.invite.lastName')} required value={lastName} onChange={(event) => setLastName(event.currentTarget.value)} error={fieldError('lastName')} />
        <Button type="submit" mt={25} loading={loading} leftSection={<IconMail size={16} />}>
          {t('vendor.invite.submit')}
        </Button>
      </Group>
      <FormError message={error && !['email', 'firstName', 'lastName'].includes(failed?.field ?? '') ? errorText(error) : null} />
      {data && (
        <Text size="sm" c="teal.7" mt="xs" role="status">
          {t('vendor.invite.sent', { email: data.inviteCustomerPrimaryAdmin.email })}
        </Text>
      )}
    </form>
  );
}
