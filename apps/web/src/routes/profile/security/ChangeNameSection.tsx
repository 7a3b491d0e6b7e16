import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../../session/viewer';
import { useProfileSave } from '../useProfileSave';
import { SecuritySection } from './SecuritySection';

/** Change name (F-05): the name shown to admins and in every message. */
export function ChangeNameSection() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { save, saving, errors } = useProfileSave();
  const [firstName, setFirstName] = useState(viewer.firstName);
  const [lastName, setLastName] = useState(viewer.lastName);
  const [saved, setSaved] = useState(false);
  const unchanged = firstName.trim() === viewer.firstName && lastName.trim() === viewer.lastName;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (await save({ firstName, lastName })) setSaved(true);
  }

  return (
    <SecuritySection title={t('profile.security.nameTitle')}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="sm" maw={520}>
          {errors.form && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {errors.form}
            </Alert>
          )}
          {saved && (
            <Alert color="teal" variant="light" icon={<IconCheck />} role="status">
              {t('profile.security.nameSaved')}
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput
              label={t('profile.fields.firstName')}
              value={firstName}
              maxLength={100}
              autoComplete="given-name"
              error={errors.firstName}
              onChange={(event) => setFirstName(event.currentTarget.value)}
            />
            <TextInput
              label={t('profile.fields.lastName')}
              value={lastName}
              maxLength={100}
              autoComplete="family-name"
              error={errors.lastName}
              onChange={(event) => setLastName(event.currentTarget.value)}
            />
          </Group>
          <Group>
            <Button type="submit" loading={saving} disabled={unchanged}>
              {t('profile.security.saveName')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SecuritySection>
  );
}
