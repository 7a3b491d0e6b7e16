import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceMobileMessage, IconQrcode, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoStepStatusFieldsFragment } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { NewRecoveryCodesModal } from './NewRecoveryCodesModal';
import { SectionCard } from './SectionCard';
import { TurnOffTwoStepModal } from './TurnOffTwoStepModal';
import { TwoStepSetupModal, type SetupMethod } from './TwoStepSetupModal';

type Dialog = { kind: 'setup'; method: SetupMethod } | { kind: 'off' } | { kind: 'codes' } | null;

/** F-05: 2-step verification with an authenticator app (TOTP) or text messages, and its recovery codes. */
export function TwoStepSection({ status }: { status: TwoStepStatusFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [turnedOff, setTurnedOff] = useState(false);
  const close = () => setDialog(null);

  const badge = status.enabled ? (
    <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={12} />}>
      {t('security.twoStep.on')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      {t('security.twoStep.off')}
    </Badge>
  );

  return (
    <SectionCard title={t('security.twoStep.title')} description={t('security.twoStep.description')} badge={badge}>
      {status.enabled ? (
        <Stack gap="sm">
          <div>
            <Text fw={500}>
              {status.method === 'SMS'
                ? t('security.twoStep.methodSms', { phone: status.phoneHint ?? '' })
                : t('security.twoStep.methodApp')}
            </Text>
            <Text size="sm" c="dimmed">
              {status.enabledAt ? `${t('security.twoStep.since', { date: formatDate(status.enabledAt, i18n.language) })} · ` : ''}
              {t('security.twoStep.recoveryLeft', { count: status.recoveryCodesLeft })}
            </Text>
          </div>
          <Group gap="sm">
            <Button variant="default" onClick={() => setDialog({ kind: 'codes' })}>
              {t('security.twoStep.newCodes')}
            </Button>
            <Button variant="light" color="red" onClick={() => setDialog({ kind: 'off' })}>
              {t('security.twoStep.turnOff')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          {turnedOff && (
            <Alert variant="light" color="yellow" withCloseButton onClose={() => setTurnedOff(false)}>
              {t('security.twoStep.turnedOff')}
            </Alert>
          )}
          <Group gap="sm">
            <Button leftSection={<IconQrcode size={16} />} onClick={() => setDialog({ kind: 'setup', method: 'AUTHENTICATOR_APP' })}>
              {t('security.twoStep.useApp')}
            </Button>
            <Button variant="default" leftSection={<IconDeviceMobileMessage size={16} />} onClick={() => setDialog({ kind: 'setup', method: 'SMS' })}>
              {t('security.twoStep.useSms')}
            </Button>
          </Group>
        </Stack>
      )}
      {dialog?.kind === 'setup' && <TwoStepSetupModal method={dialog.method} onClose={close} />}
      {dialog?.kind === 'codes' && <NewRecoveryCodesModal onClose={close} />}
      {dialog?.kind === 'off' && (
        <TurnOffTwoStepModal
          usesSms={status.method === 'SMS'}
          onClose={close}
          onDone={() => {
            close();
            setTurnedOff(true);
          }}
        />
      )}
    </SectionCard>
  );
}
