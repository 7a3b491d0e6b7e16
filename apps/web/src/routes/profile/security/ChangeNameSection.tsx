import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../../session/viewer';
import { FormError } from '../../../ui/FormError';
import { NameFields } from '../NameFields';
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
          <FormError message={errors.form} />
          {saved && (
            <Alert color="teal" variant="light" icon={<IconCheck />} role="status">
              {t('profile.security.nameSaved')}
            </Alert>
          )}
          <NameFields firstName={firstName} lastName={lastName} errors={errors} onFirstName={setFirstName} onLastName={setLastName} />
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
