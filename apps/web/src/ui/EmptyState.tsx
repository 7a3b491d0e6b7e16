import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * A list or report with nothing to show, and why. `large` for a screen whose whole content is the
 * empty list (with its own icon and, as children, what to do next).
 */
export function EmptyState({ title, text, icon, large = false, children }: { title: string; text?: ReactNode; icon?: ReactNode; large?: boolean; children?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="xs" py={large ? 'lg' : 'md'}>
        <ThemeIcon size={large ? 48 : 44} radius="xl" variant="light" color="gray">
          {icon ?? <IconDatabaseOff size={24} />}
        </ThemeIcon>
        <Title order={2} size={large ? 'h4' : 'h5'}>
          {title}
        </Title>
        {text && (
          <Text c="dimmed" size="sm" ta="center" maw={large ? 460 : undefined}>
            {text}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
