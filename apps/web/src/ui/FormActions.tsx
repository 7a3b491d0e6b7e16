import { Button, Group } from '@mantine/core';

/**
 * A form's "Cancel" and submit buttons, at its end. With `onConfirm` the second button acts itself
 * (a dialog's "Delete", in red with `danger`) instead of submitting the form around it.
 */
export function FormActions({
  cancel,
  onCancel,
  submit,
  loading,
  onConfirm,
  danger = false,
}: {
  cancel: string;
  onCancel: () => void;
  submit: string;
  loading?: boolean;
  onConfirm?: () => void;
  danger?: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancel}
      </Button>
      <Button type={onConfirm ? 'button' : 'submit'} color={danger ? 'red' : undefined} loading={loading} onClick={onConfirm}>
        {submit}
      </Button>
    </Group>
  );
}
