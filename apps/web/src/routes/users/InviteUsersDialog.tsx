import { useMutation, useQuery } from '@apollo/client/react';
import { Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { AssignableSubscriptionsDocument, InviteUserDocument } from './admin.graphql';
import { UsersTeamsDocument } from './users.graphql';
import { teamOptions } from '../teams/teamOptions';
import { FormActions } from '../../ui/FormActions';

interface InviteUsersDialogProps {
  opened: boolean;
  onClose: () => void;
  onInvited: (email: string) => void;
}

/** The server's rules for a person, checked first here so the message is in the UI language. */
function checkForm(form: { email: string; firstName: string; lastName: string }) {
  const problems: Partial<Record<'email' | 'firstName' | 'lastName', string>> = {};
  if (!form.email.trim()) problems.email = 'emailMissing';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) problems.email = 'emailInvalid';
  if (!form.firstName.trim()) problems.firstName = 'firstNameMissing';
  if (!form.lastName.trim()) problems.lastName = 'lastNameMissing';
  return problems;
}

const empty = { email: '', firstName: '', lastName: '', role: 'USER', teamId: null as string | null, subscriptionIds: [] as string[] };

/** F-41 "+ Invite users": one person, with an optional role, team and products. */
export function InviteUsersDialog({ opened, onClose, onInvited }: InviteUsersDialogProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [form, setForm] = useState(empty);
  const teams = useQuery(UsersTeamsDocument, { skip: !opened });
  const subscriptions = useQuery(AssignableSubscriptionsDocument, { skip: !opened, fetchPolicy: 'cache-and-network' });
  const [invite, { loading, error, reset }] = useMutation(InviteUserDocument);
  const failed = apiError(error);
  const [localErrors, setLocalErrors] = useState<Partial<Record<'email' | 'firstName' | 'lastName', string>>>({});
  const fieldError = (field: string) => {
    const local = localErrors[field as keyof typeof localErrors];
    if (local) return t(`invite.errors.${local}`);
    return failed?.field === field ? errorText(error) : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkForm(form);
    setLocalErrors(problems);
    if (Object.keys(problems).length) return;
    const result = await invite({
      variables: { input: { ...form, role: form.role as 'USER' | 'SECONDARY_ADMIN' } },
      refetchQueries: ['UsersPage', 'Invitations', 'AssignableSubscriptions'],
    }).catch(() => null);
    if (result?.data) {
      onInvited(result.data.inviteUser.email);
      setForm(empty);
      reset();
      onClose();
    }
  }

  const set = (patch: Partial<typeof form>) => {
    setForm((current) => ({ ...current, ...patch }));
    setLocalErrors({});
  };
  const shownError = failed && !['email', 'firstName', 'lastName', 'role', 'teamId'].includes(failed.field ?? '') ? errorText(error) : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('invite.title')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput label={t('invite.email')} type="email" required value={form.email} onChange={(e) => set({ email: e.currentTarget.value })} error={fieldError('email')} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('invite.firstName')} required value={form.firstName} onChange={(e) => set({ firstName: e.currentTarget.value })} error={fieldError('firstName')} />
            <TextInput label={t('invite.lastName')} required value={form.lastName} onChange={(e) => set({ lastName: e.currentTarget.value })} error={fieldError('lastName')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('invite.role')}
              data={['USER', 'SECONDARY_ADMIN'].map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={form.role}
              onChange={(role) => set({ role: role ?? 'USER' })}
              allowDeselect={false}
              error={fieldError('role')}
            />
            <Select
              label={t('invite.team')}
              placeholder={t('invite.noTeam')}
              data={teamOptions(teams.data?.teams)}
              value={form.teamId}
              onChange={(teamId) => set({ teamId })}
              clearable
              error={fieldError('teamId')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('invite.products')}
            description={t('invite.productsHelp')}
            placeholder={form.subscriptionIds.length ? undefined : t('invite.noProducts')}
            data={
              subscriptions.data?.assignableSubscriptions.map((subscription) => ({
                value: subscription.id,
                label: t('invite.productOption', { name: subscription.name, count: subscription.available }),
                disabled: subscription.available === 0,
              })) ?? []
            }
            value={form.subscriptionIds}
            onChange={(subscriptionIds) => set({ subscriptionIds })}
            searchable
            clearable
          />
          <FormError message={shownError} />
          <FormActions cancel={t('invite.cancel')} onCancel={onClose} submit={t('invite.send')} loading={loading} />
        </Stack>
      </form>
    </Modal>
  );
}
