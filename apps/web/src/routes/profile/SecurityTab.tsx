import { Stack } from '@mantine/core';
import { ChangeNameSection } from './security/ChangeNameSection';
import { ChangePasswordSection } from './security/ChangePasswordSection';
import { SessionsSection } from './security/SessionsSection';

/** F-05: the person's own security; each part is its own section. */
export function SecurityTab() {
  return (
    <Stack gap="lg">
      <ChangeNameSection />
      <ChangePasswordSection />
      <SessionsSection />
    </Stack>
  );
}
