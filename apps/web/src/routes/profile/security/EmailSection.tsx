import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import { FormError } from '../../../ui/FormError';
import { SectionCard } from './SectionCard';
import { AccountSecurityDocument, CancelEmailChangeDocument, ChangeEmailDocument } from './security.graphql';
import { looksLikeEmail, securityError } from './securityErrors';
import { ConfirmPasswordInput } from './ConfirmPasswordInput';

interface EmailSectionProps {
  email: string;
  pending: { newEmail: string; expiresAt: string } | null;
}

/** F-05: change the sign-in email; it changes only when the link sent to the new address is opened. */
export function EmailSection({ email, pending }: EmailSectionProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ newEmail?: string; password?: string; form?: string }>({});
  const refetchQueries = [{ query: AccountSecurityDocument }];
  const [changeEmail, change] = useMutation(ChangeEmailDocument, { refetchQueries, awaitRefetchQueries: true });
  const [cancelChange, cancel] = useMutation(CancelEmailChangeDocument, { refetchQueries, awaitRefetchQueries: true });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!looksLikeEmail(newEmail)) next.newEmail = t('security.errors.invalidEmail');
    else if (newEmail.trim().toLowerCase() === email) next.newEmail = t('security.errors.sameEmail');
    if (!password) next.password = t('security.errors.passwordRequired');
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      await changeEmail({ variables: { input: { newEmail: newEmail.trim(), password } } });
      setOpen(false);
      setNewEmail('');
      setPassword('');
    } catch (error) {
      const { field, messageKey } = securityError(error);
      setErrors(field === 'newEmail' || field === 'password' ? { [field]: t(messageKey) } : { form: t(messageKey) });
    }
  }

  return (
    <SectionCard title={t('security.email.title')} description={t('security.email.description')}>
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t('security.email.current')}
          </Text>
          <Text fw={500} data-testid="current-email">
            {email}
          </Text>
        </div>
        {pending && (
          <Alert variant="light" color="blue" icon={<IconMailForward />} title={t('security.email.pendingTitle')}>
            <Text size="sm">
              {t('security.email.sent', { email: pending.newEmail, until: formatDateTime(pending.expiresAt, i18n.language) })}
            </Text>
            <Button mt="xs" size="xs" variant="default" loading={cancel.loading} onClick={() => void cancelChange().catch(() => undefined)}>
              {t('security.email.cancelChange')}
            </Button>
          </Alert>
        )}
        {open ? (
          <form onSubmit={(event) => void handleSubmit(event)} noValidate>
            <Stack gap="sm" maw={420}>
              <Text size="sm">{t('security.email.hint')}</Text>
              <FormError message={errors.form} />
              <TextInput
                label={t('security.email.newEmail')}
                type="email"
                autoComplete="email"
                value={newEmail}
                onChange={(event) => setNewEmail(event.currentTarget.value)}
                error={errors.newEmail}
                autoFocus
              />
              <ConfirmPasswordInput value={password} onChange={setPassword} error={errors.password} />
              <Group gap="sm">
                <Button type="submit" loading={change.loading}>
                  {t('security.email.submit')}
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t('security.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group>
            <Button variant="light" onClick={() => setOpen(true)}>
              {t('security.email.change')}
            </Button>
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}
