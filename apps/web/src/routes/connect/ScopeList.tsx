import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const known = ['openid', 'profile', 'email', 'offline_access'];

/** What a product asks to read, in words. */
export function ScopeList({ scopes }: { scopes: string[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4}>
      {scopes.filter((scope) => known.includes(scope)).map((scope) => (
        <List.Item key={scope}>
          <Text size="sm">{t(`connect.scopes.${scope}`)}</Text>
        </List.Item>
      ))}
    </List>
  );
}
