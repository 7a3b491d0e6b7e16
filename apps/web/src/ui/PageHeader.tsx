import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './documentTitle';

interface PageHeaderProps {
  title: string;
  description?: string;
  /** Shown at the right of the heading on wide screens, below it on narrow ones (a count, actions). */
  aside?: ReactNode;
}

/** The heading every screen starts with: one h1, an optional line under it, an optional aside; the tab's title follows it. */
export function PageHeader({ title, description, aside }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" mt={4}>
            {description}
          </Text>
        )}
      </div>
      {aside}
    </Group>
  );
}
