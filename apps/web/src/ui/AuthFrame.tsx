import { Anchor, Box, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandFooter } from './BrandFooter';
import { FormError } from './FormError';
import { LanguageMenu } from './LanguageMenu';
import { Logo } from './Logo';

/** The frame of the signed-out pages: logo and language on top, one card in the middle, and `below` it. */
export function AuthFrame({ children, below }: { children: ReactNode; below?: ReactNode }) {
  return (
    <Box mih="100dvh" bg="gray.0">
      <Group justify="space-between" px="lg" py="md">
        <Logo />
        <LanguageMenu />
      </Group>
      <Center component="main" id="main" px="md" pb="xl" pt={{ base: 'md', sm: 60 }}>
        <Stack w="100%" maw={420} gap="lg">
          <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
            {children}
          </Paper>
          {below}
        </Stack>
      </Center>
      <BrandFooter />
    </Box>
  );
}

/** The title and the line under it at the top of a signed-out card. */
export function AuthHeading({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed" size="sm" mt={4}>
        {subtitle}
      </Text>
    </div>
  );
}

interface AuthFormProps {
  title: string;
  subtitle: string;
  /** A problem with the whole form, shown above the fields. */
  error: string | null;
  submitLabel: string;
  loading: boolean;
  onSubmit: () => Promise<void>;
  /** The fields. */
  children: ReactNode;
}

/** A signed-out form in its frame: title, form error, fields, the submit button and the way back to sign-in. */
export function AuthForm({ title, subtitle, error, submitLabel, loading, onSubmit, children }: AuthFormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <AuthFrame>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <AuthHeading title={title} subtitle={subtitle} />
          <FormError message={error} />
          {children}
          <Button type="submit" fullWidth size="md" loading={loading}>
            {submitLabel}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('identity.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
