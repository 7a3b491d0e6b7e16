import { Box, Center, Group, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageMenu } from '../../ui/LanguageMenu';
import { Logo } from '../../ui/Logo';

/** The frame of the signed-out pages: logo and language on top, one card in the middle. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <Box mih="100dvh" bg="gray.0">
      <Group justify="space-between" px="lg" py="md">
        <Logo />
        <LanguageMenu />
      </Group>
      <Center px="md" pb="xl" pt={{ base: 'md', sm: 60 }}>
        <Stack w="100%" maw={420} gap="lg">
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
