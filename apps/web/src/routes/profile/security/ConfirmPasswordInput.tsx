import { PasswordInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** "Password": the person's current password, asked again before a security change. */
export function ConfirmPasswordInput({ value, onChange, error, autoFocus = false }: { value: string; onChange: (value: string) => void; error?: ReactNode; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('security.password')}
      autoComplete="current-password"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-autofocus={autoFocus ? true : undefined}
    />
  );
}
