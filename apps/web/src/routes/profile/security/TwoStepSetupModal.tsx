import { useMutation } from '@apollo/client/react';
import { Button, Center, Code, Group, Image, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../ui/FormError';
import { RecoveryCodesList } from './RecoveryCodesList';
import {
  AccountSecurityDocument,
  ConfirmTwoStepDocument,
  StartAuthenticatorSetupDocument,
  StartSmsSetupDocument,
} from './security.graphql';
import { looksLikePhone, looksLikeSixDigits, securityError } from './securityErrors';
import { ConfirmPasswordInput } from './ConfirmPasswordInput';
import { FormActions } from '../../../ui/FormActions';

export type SetupMethod = 'AUTHENTICATOR_APP' | 'SMS';

type Step =
  | { name: 'start' }
  | { name: 'verify'; secret?: string; qrCodeDataUrl?: string; phoneHint?: string }
  | { name: 'done'; codes: string[] };

interface Errors {
  password?: string;
  phone?: string;
  code?: string;
  form?: string;
}

/**
 * Turning 2-step verification on: password (and phone) → QR code or text message → a code from it →
 * the recovery codes. Nothing changes at sign-in before the code is confirmed.
 */
export function TwoStepSetupModal({ method, onClose }: { method: SetupMethod; onClose: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'start' });
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [startApp, app] = useMutation(StartAuthenticatorSetupDocument);
  const [startSms, sms] = useMutation(StartSmsSetupDocument);
  const [confirm, confirming] = useMutation(ConfirmTwoStepDocument, {
    refetchQueries: [{ query: AccountSecurityDocument }],
    awaitRefetchQueries: true,
  });

  function fail(error: unknown) {
    const { field, messageKey } = securityError(error);
    const message = t(messageKey);
    setErrors(field === 'password' || field === 'phone' || field === 'code' ? { [field]: message } : { form: message });
  }

  async function handleStart(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Errors = {};
    if (!password) next.password = t('security.errors.passwordRequired');
    if (method === 'SMS' && !looksLikePhone(phone)) next.phone = t('security.errors.invalidPhone');
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      if (method === 'AUTHENTICATOR_APP') {
        const { data } = await startApp({ variables: { input: { password } } });
        if (!data) throw new Error('no data');
        setStep({ name: 'verify', secret: data.startAuthenticatorSetup.secret, qrCodeDataUrl: data.startAuthenticatorSetup.qrCodeDataUrl });
      } else {
        const { data } = await startSms({ variables: { input: { password, phone } } });
        if (!data) throw new Error('no data');
        setStep({ name: 'verify', phoneHint: data.startSmsSetup.phoneHint });
      }
      setPassword('');
    } catch (error) {
      fail(error);
    }
  }

  async function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!looksLikeSixDigits(code)) {
      setErrors({ code: t('security.errors.codeFormat') });
      return;
    }
    setErrors({});
    try {
      const { data } = await confirm({ variables: { input: { code } } });
      if (!data) throw new Error('no data');
      setStep({ name: 'done', codes: data.confirmTwoStep.codes });
    } catch (error) {
      fail(error);
    }
  }

  const title =
    step.name === 'done'
      ? t('security.twoStep.nowOn')
      : t(method === 'SMS' ? 'security.twoStep.smsTitle' : 'security.twoStep.appTitle');

  return (
    <Modal opened onClose={onClose} title={title} size="md" closeOnClickOutside={step.name !== 'done'}>
      <FormError message={errors.form} mb="sm" />
      {step.name === 'start' && (
        <form onSubmit={(event) => void handleStart(event)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{method === 'SMS' ? t('security.twoStep.smsStep') : t('security.twoStep.passwordStep')}</Text>
            {method === 'SMS' && (
              <TextInput
                label={t('security.twoStep.phone')}
                description={t('security.twoStep.phoneHint')}
                type="tel"
                autoComplete="tel"
                value={phone}
                onChange={(event) => setPhone(event.currentTarget.value)}
                error={errors.phone}
                data-autofocus
              />
            )}
            <ConfirmPasswordInput value={password} onChange={setPassword} error={errors.password} autoFocus={method === 'AUTHENTICATOR_APP'} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('security.cancel')}
              </Button>
              <Button type="submit" loading={app.loading || sms.loading}>
                {method === 'SMS' ? t('security.twoStep.sendCode') : t('security.twoStep.continue')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {step.name === 'verify' && (
        <form onSubmit={(event) => void handleConfirm(event)} noValidate>
          <Stack gap="sm">
            {step.qrCodeDataUrl && (
              <>
                <Text size="sm">{t('security.twoStep.scan')}</Text>
                <Center>
                  <Image src={step.qrCodeDataUrl} alt={t('security.twoStep.qrAlt')} w={200} h={200} />
                </Center>
                <Text size="sm">{t('security.twoStep.manual')}</Text>
                <Code block data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
                  {step.secret?.replace(/(.{4})/g, '$1 ').trim()}
                </Code>
              </>
            )}
            {step.phoneHint && <Text size="sm">{t('security.twoStep.smsSent', { phone: step.phoneHint })}</Text>}
            <TextInput
              label={t(method === 'SMS' ? 'security.twoStep.smsCode' : 'security.twoStep.appCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={errors.code}
              data-autofocus
            />
            <FormActions cancel={t('security.cancel')} onCancel={onClose} submit={t('security.twoStep.confirm')} loading={confirming.loading} />
          </Stack>
        </form>
      )}
      {step.name === 'done' && (
        <Stack gap="sm">
          <RecoveryCodesList codes={step.codes} />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('security.twoStep.saved')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
