import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBrand } from '../brand/brand';

/** Under every screen: the vendor's support contact and legal links, and a small "Powered by Seatwise". */
export function BrandFooter() {
  const { t } = useTranslation();
  const { brand } = useBrand();
  return (
    <Group component="footer" justify="center" gap="md" py="md" px="md" style={{ rowGap: 4 }} data-testid="brand-footer">
      {brand.supportEmail && (
        <Anchor href={`mailto:${brand.supportEmail}`} size="xs" c="dimmed">
          {t('brand.supportEmail', { email: brand.supportEmail })}
        </Anchor>
      )}
      {brand.supportUrl && (
        <Anchor href={brand.supportUrl} size="xs" c="dimmed" target="_blank" rel="noopener noreferrer">
          {t('brand.supportPage')}
        </Anchor>
      )}
      {brand.termsUrl && (
        <Anchor href={brand.termsUrl} size="xs" c="dimmed" target="_blank" rel="noopener noreferrer">
          {t('brand.terms')}
        </Anchor>
      )}
      {brand.privacyUrl && (
        <Anchor href={brand.privacyUrl} size="xs" c="dimmed" target="_blank" rel="noopener noreferrer">
          {t('brand.privacy')}
        </Anchor>
      )}
      <Text size="xs" c="dimmed">
        {t('brand.poweredBy')}
      </Text>
    </Group>
  );
}
