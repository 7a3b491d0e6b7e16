import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface NameFieldsProps {
  firstName: string;
  lastName: string;
  errors: { firstName?: string; lastName?: string };
  onFirstName: (value: string) => void;
  onLastName: (value: string) => void;
  autoFocus?: boolean;
}

/** First and last name side by side: the Profile tab and the Security tab edit the name alike. */
export function NameFields({ firstName, lastName, errors, onFirstName, onLastName, autoFocus }: NameFieldsProps) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <TextInput
        label={t('profile.fields.firstName')}
        value={firstName}
        maxLength={100}
        autoComplete="given-name"
        error={errors.firstName}
        onChange={(event) => onFirstName(event.currentTarget.value)}
        data-autofocus={autoFocus || undefined}
      />
      <TextInput
        label={t('profile.fields.lastName')}
        value={lastName}
        maxLength={100}
        autoComplete="family-name"
        error={errors.lastName}
        onChange={(event) => onLastName(event.currentTarget.value)}
      />
    </Group>
  );
}
