import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MeDocument } from '../../../session/session.graphql';
import { useViewer } from '../../../session/viewer';
import { FormError } from '../../../ui/FormError';
import { SectionCard } from './SectionCard';
import { DeleteOwnAccountDocument } from './security.graphql';
import { securityError } from './securityErrors';
import { ConfirmPasswordInput } from './ConfirmPasswordInput';

/** F-05: delete one's own account; a primary admin hands the role over first. */
export function DeleteAccountSection() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ password?: string; form?: string }>({});
  const [deleteAccount, { loading }] = useMutation(DeleteOwnAccountDocument);
  const primaryAdmin = viewer.role === 'PRIMARY_ADMIN';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setErrors({ password: t('security.errors.passwordRequired') });
    setErrors({});
    try {
      await deleteAccount({ variables: { input: { password } } });
      await client.clearStore();
      client.cache.writeQuery({ query: MeDocument, data: { me: null } });
      await navigate('/sign-in', { replace: true });
    } catch (error) {
      const { field, messageKey } = securityError(error);
      setErrors(field === 'password' ? { password: t(messageKey) } : { form: t(messageKey) });
    }
  }

  return (
    <SectionCard title={t('security.delete.title')} description={t('security.delete.description')} danger>
      {primaryAdmin && (
        <Alert variant="light" color="yellow" mb="sm" icon={<IconAlertTriangle />}>
          {t('security.delete.primaryAdmin')}
        </Alert>
      )}
      <Button color="red" variant="outline" disabled={primaryAdmin} onClick={() => setOpen(true)}>
        {t('security.delete.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('security.delete.confirmTitle')}>
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('security.delete.confirmText', { email: viewer.email })}</Text>
            <FormError message={errors.form} />
            <ConfirmPasswordInput value={password} onChange={setPassword} error={errors.password} autoFocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('security.cancel')}
              </Button>
              <Button type="submit" color="red" loading={loading}>
                {t('security.delete.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </SectionCard>
  );
}
