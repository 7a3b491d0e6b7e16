import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorRole } from '../../gql/graphql';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { CursorPager } from '../../ui/CursorPager';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { SkeletonRows } from '../../ui/TableSkeleton';
import { CreateStaffSetupLinkDocument, VendorStaffDocument } from './vendor.graphql';

const STAFF_PAGE = 25;

/** The vendor's staff, and a single-use set-up link for someone new (operators only). */
export function StaffPage() {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const [cursors, setCursors] = useState<string[]>([]);
  const staff = useQuery(VendorStaffDocument, { variables: { first: STAFF_PAGE, after: cursors.at(-1) ?? null } });
  const staffPage = (staff.data ?? staff.previousData)?.vendorStaff;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<VendorRole>('SUPPORT');
  const [create, { data, loading, error }] = useMutation(CreateStaffSetupLinkDocument);
  const failed = apiError(error);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await create({ variables: { input: { email, role } } });
    } catch {
      // shown below
    }
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('vendor.staff.title')} description={t('vendor.staff.description')} />
      {staff.error && !staff.data ? (
        <ErrorPanel onRetry={() => void staff.refetch()} />
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vendor.people.name')}</Table.Th>
                <Table.Th>{t('vendor.people.email')}</Table.Th>
                <Table.Th>{t('vendor.people.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!staffPage ? (
                <SkeletonRows rows={2} columns={3} />
              ) : (
                staffPage.edges.map(({ node: member }) => (
                  <Table.Tr key={member.id}>
                    <Table.Td>
                      {member.firstName} {member.lastName}
                    </Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>{t(`vendor.roles.${member.role}`)}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
          {staffPage && <CursorPager pageInfo={staffPage.pageInfo} cursors={cursors} onChange={setCursors} />}
        </Paper>
      )}
      <Paper withBorder radius="md" p="md">
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Title order={2} size="h4" mb="xs">
            {t('vendor.staff.addTitle')}
          </Title>
          <Group align="flex-start" wrap="wrap">
            <TextInput label={t('vendor.people.email')} type="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} error={failed?.field === 'email' ? errorText(error) : null} w={280} />
            <Select
              label={t('vendor.people.role')}
              data={(['SUPPORT', 'OPERATOR'] as const).map((value) => ({ value, label: t(`vendor.roles.${value}`) }))}
              value={role}
              onChange={(value) => setRole(value === 'OPERATOR' ? 'OPERATOR' : 'SUPPORT')}
              allowDeselect={false}
            />
            <Button type="submit" mt={25} loading={loading}>
              {t('vendor.staff.createLink')}
            </Button>
          </Group>
          <FormError message={error && failed?.field !== 'email' ? errorText(error) : null} />
        </form>
        {data && (
          <Alert mt="md" color="teal" variant="light" title={t('vendor.staff.linkTitle')}>
            <Code block data-testid="staff-setup-link">
              {data.createStaffSetupLink.url}
            </Code>
            <Text size="sm" mt="xs">
              {t('vendor.staff.linkExpires', { when: formatDateTime(data.createStaffSetupLink.expiresAt, i18n.language) })}
            </Text>
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}
