import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoveryCodesList } from './RecoveryCodesList';
import { AccountSecurityDocument, RegenerateRecoveryCodesDocument } from './security.graphql';
import { securityError } from './securityErrors';
import { ConfirmPasswordInput } from './ConfirmPasswordInput';
import { FormActions } from '../../../ui/FormActions';

export function NewRecoveryCodesModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [regenerate, { loading }] = useMutation(RegenerateRecoveryCodesDocument, {
    refetchQueries: [{ query: AccountSecurityDocument }],
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setError(t('security.errors.passwordRequired'));
    try {
      const { data } = await regenerate({ variables: { input: { password } } });
      if (data) setCodes(data.regenerateRecoveryCodes.codes);
    } catch (failure) {
      setError(t(securityError(failure).messageKey));
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('security.twoStep.newCodesTitle')} closeOnClickOutside={!codes}>
      {codes ? (
        <Stack gap="sm">
          <RecoveryCodesList codes={codes} />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('security.twoStep.saved')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('security.twoStep.newCodesIntro')}</Text>
            <ConfirmPasswordInput value={password} onChange={setPassword} error={error} autoFocus />
            <FormActions cancel={t('security.cancel')} onCancel={onClose} submit={t('security.twoStep.make')} loading={loading} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
