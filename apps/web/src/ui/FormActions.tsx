import { Button, Group } from '@mantine/core';

/** A form's "Cancel" and submit buttons, at its end. */
export function FormActions({ cancel, onCancel, submit, loading }: { cancel: string; onCancel: () => void; submit: string; loading?: boolean }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancel}
      </Button>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}
