import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';

/** A list or report with nothing to show, and why. */
export function EmptyState({ title, text }: { title: string; text?: string }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="xs" py="md">
        <ThemeIcon size={44} radius="xl" variant="light" color="gray">
          <IconDatabaseOff size={24} />
        </ThemeIcon>
        <Title order={2} size="h5">
          {title}
        </Title>
        {text && (
          <Text c="dimmed" size="sm" ta="center">
            {text}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
