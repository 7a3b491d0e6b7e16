import { Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBrand } from '../../../brand/brand';

/** Shown once, right after the codes were made: they are not readable again. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const { brand } = useBrand();
  const text = `${t('security.twoStep.recoveryList')} (${brand.name})\n\n${codes.join('\n')}\n`;

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'seatwise-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Stack gap="sm">
      <Text size="sm">{t('security.twoStep.recoveryIntro')}</Text>
      <Paper withBorder p="sm" bg="gray.0">
        <SimpleGrid cols={2} spacing="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('security.twoStep.recoveryList')}>
          {codes.map((code) => (
            <Text key={code} component="li" ff="monospace" fw={600} ta="center" data-testid="recovery-code">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={download}>
          {t('security.twoStep.download')}
        </Button>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={copy}>
              {copied ? t('security.twoStep.copied') : t('security.twoStep.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
