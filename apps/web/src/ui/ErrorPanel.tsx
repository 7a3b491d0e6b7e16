import { Alert, Button, Center } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ErrorPanelProps {
  title?: string;
  onRetry: () => void;
  fullPage?: boolean;
}

export function ErrorPanel({ title, onRetry, fullPage }: ErrorPanelProps) {
  const { t } = useTranslation();
  const panel = (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={title ?? t('errors.generic')} maw={520}>
      <Button mt="sm" variant="default" size="xs" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </Alert>
  );
  return fullPage ? <Center h="100dvh">{panel}</Center> : panel;
}
