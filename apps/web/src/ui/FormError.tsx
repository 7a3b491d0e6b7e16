import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface FormErrorProps extends Pick<AlertProps, 'm' | 'my' | 'mb'> {
  /** The sentence saying what went wrong; without one nothing is shown. */
  message: ReactNode;
}

/**
 * Why a form or an action failed, announced to screen readers: one look for every screen instead of
 * a red Alert copied into each. A page that failed to load has ErrorPanel, with its retry button.
 */
export function FormError({ message, ...spacing }: FormErrorProps) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert" {...spacing}>
      {message}
    </Alert>
  );
}
