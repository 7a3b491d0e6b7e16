import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  description: string;
  /** Beside the title: a status badge. */
  badge?: ReactNode;
  danger?: boolean;
  children: ReactNode;
}

/** One section of the Security tab: a titled card. */
export function SectionCard({ title, description, badge, danger, children }: SectionCardProps) {
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      style={danger ? { borderColor: 'var(--mantine-color-red-3)' } : undefined}
      aria-label={title}
    >
      <Group gap="sm" mb={4}>
        <Title order={2} size="h4">
          {title}
        </Title>
        {badge}
      </Group>
      <Text c="dimmed" size="sm" mb="md" maw={640}>
        {description}
      </Text>
      {children}
    </Paper>
  );
}
