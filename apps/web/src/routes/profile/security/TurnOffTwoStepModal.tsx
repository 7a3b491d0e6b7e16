import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../ui/FormError';
import { AccountSecurityDocument, SendTwoStepSmsCodeDocument, TurnOffTwoStepDocument } from './security.graphql';
import { looksLikeRecoveryCode, looksLikeSixDigits, securityError } from './securityErrors';
import { ConfirmPasswordInput } from './ConfirmPasswordInput';

/** Turning 2-step off needs the password, or a current code (a recovery code counts). */
export function TurnOffTwoStepModal({ usesSms, onClose, onDone }: { usesSms: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [proof, setProof] = useState<'password' | 'code'>('password');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});
  const [info, setInfo] = useState<string | null>(null);
  const [turnOff, { loading }] = useMutation(TurnOffTwoStepDocument, {
    refetchQueries: [{ query: AccountSecurityDocument }],
    awaitRefetchQueries: true,
  });
  const [sendCode, sending] = useMutation(SendTwoStepSmsCodeDocument);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (proof === 'password' && !password) return setErrors({ password: t('security.errors.passwordRequired') });
    if (proof === 'code' && !looksLikeSixDigits(code) && !looksLikeRecoveryCode(code)) {
      return setErrors({ code: t('security.errors.codeFormat') });
    }
    setErrors({});
    try {
      await turnOff({ variables: { input: proof === 'password' ? { password } : { code } } });
      onDone();
    } catch (error) {
      const { field, messageKey } = securityError(error);
      setErrors(field === 'password' || field === 'code' ? { [field]: t(messageKey) } : { form: t(messageKey) });
    }
  }

  async function handleSendCode() {
    setErrors({});
    try {
      const { data } = await sendCode();
      if (data) setInfo(t('security.twoStep.smsSent', { phone: data.sendTwoStepSmsCode.phoneHint }));
    } catch (error) {
      setErrors({ form: t(securityError(error).messageKey) });
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('security.twoStep.offTitle')}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('security.twoStep.offIntro')}</Text>
          <FormError message={errors.form} />
          <SegmentedControl
            value={proof}
            onChange={(value) => setProof(value as 'password' | 'code')}
            data={[
              { value: 'password', label: t('security.twoStep.offWithPassword') },
              { value: 'code', label: t('security.twoStep.offWithCode') },
            ]}
          />
          {proof === 'password' ? (
            <ConfirmPasswordInput value={password} onChange={setPassword} error={errors.password} autoFocus />
          ) : (
            <>
              <TextInput
                label={t('security.twoStep.offCode')}
                autoComplete="one-time-code"
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                error={errors.code}
                data-autofocus
              />
              {usesSms && (
                <Group gap="sm">
                  <Button size="xs" variant="default" loading={sending.loading} onClick={() => void handleSendCode()}>
                    {t('security.twoStep.sendAgain')}
                  </Button>
                  {info && <Text size="xs">{info}</Text>}
                </Group>
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('security.cancel')}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {t('security.twoStep.offConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
