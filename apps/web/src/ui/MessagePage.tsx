import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface MessagePageProps {
  titleKey: string;
  textKey: string;
}

/** A whole page that only explains something: not allowed, not found. */
export function MessagePage({ titleKey, textKey }: MessagePageProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={560} py="xl">
      <Title order={1} size="h2">
        {t(titleKey)}
      </Title>
      <Text c="dimmed">{t(textKey)}</Text>
      <div>
        <Button component={Link} to="/" variant="light">
          {t('pages.backHome')}
        </Button>
      </div>
    </Stack>
  );
}
