import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface EditableRowProps {
  label: string;
  /** What the row shows when not editing; empty shows "Not set". */
  value: ReactNode;
  /** The inputs while editing. */
  editor: ReactNode;
  onEdit?: () => void;
  /** Resolves true when saved (the row closes), false to stay open with the errors shown. */
  onSave: () => Promise<boolean>;
  saving: boolean;
  readOnlyHint?: ReactNode;
}

/** One field of the profile, edited in place: value and Edit, or inputs with Save and Cancel. */
export function EditableRow({ label, value, editor, onEdit, onSave, saving, readOnlyHint }: EditableRowProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await onSave()) setEditing(false);
  }

  if (editing) {
    return (
      <form
        onSubmit={(event) => void handleSubmit(event)}
        // Escape anywhere in the row cancels the edit, as the Cancel button does.
        onKeyDown={(event) => {
          // (Not while a select's list is open: there Escape closes the list.)
          const listOpen = (event.target as HTMLElement).getAttribute('aria-expanded') === 'true';
          if (event.key === 'Escape' && !saving && !listOpen) {
            event.preventDefault();
            setEditing(false);
          }
        }}
        noValidate
        aria-label={label}
      >
        <Stack gap="xs" py="sm">
          {editor}
          <Group gap="xs">
            <Button type="submit" size="xs" loading={saving}>
              {t('profile.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)} disabled={saving}>
              {t('profile.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  return (
    <Group justify="space-between" wrap="nowrap" py="sm" gap="md">
      <div style={{ minWidth: 0 }}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
          {value || (
            <Text span c="dimmed" fs="italic">
              {t('profile.notSet')}
            </Text>
          )}
        </Text>
      </div>
      {readOnlyHint ?? (
        <Button
          size="xs"
          variant="subtle"
          aria-label={`${t('profile.edit')}: ${label}`}
          onClick={() => {
            onEdit?.();
            setEditing(true);
          }}
        >
          {t('profile.edit')}
        </Button>
      )}
    </Group>
  );
}
