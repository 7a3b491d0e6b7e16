import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, errorText } from '../../../ui/apiError';
import { FormError } from '../../../ui/FormError';
import { MySessionsDocument, ChangePasswordDocument, PasswordPolicyDocument } from './security.graphql';
import { SecuritySection } from './SecuritySection';

type Field = 'currentPassword' | 'newPassword' | 'repeat';

/** Change password (F-05): needs the current one; the rule is stated before typing. */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  const policy = useQuery(PasswordPolicyDocument);
  const minLength = policy.data?.passwordPolicy.minLength ?? 10;
  const [change, { loading }] = useMutation(ChangePasswordDocument, { refetchQueries: [MySessionsDocument] });
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [done, setDone] = useState<number | null>(null);

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const found: typeof errors = {};
    if (!values.currentPassword) found.currentPassword = t('profile.errors.currentPasswordMissing');
    if (values.newPassword.length < minLength) found.newPassword = t('identity.errors.newPassword', { minLength });
    else if (values.newPassword !== values.repeat) found.repeat = t('identity.reset.mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const { data } = await change({
        variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      });
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      setDone(data?.changePassword.endedSessions ?? 0);
    } catch (caught) {
      const typed = apiError(caught);
      if (typed?.code === 'WRONG_PASSWORD') setErrors({ currentPassword: t('profile.errors.WRONG_PASSWORD') });
      else if (typed?.field === 'newPassword') setErrors({ newPassword: t('identity.errors.newPassword', { minLength }) });
      else if (typed?.code === 'TOO_MANY_ATTEMPTS') setErrors({ currentPassword: t('identity.errors.TOO_MANY_ATTEMPTS') });
      else setErrors({ form: errorText(t, typed, 'profile.errors') });
    }
  }

  return (
    <SecuritySection title={t('profile.security.passwordTitle')} description={t('profile.security.passwordHint')}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="sm" maw={520}>
          <FormError message={errors.form} />
          {done !== null && (
            <Alert color="teal" variant="light" icon={<IconCheck />} role="status">
              {t('profile.security.passwordChanged', { count: done })}
            </Alert>
          )}
          <PasswordInput
            label={t('profile.security.currentPassword')}
            autoComplete="current-password"
            value={values.currentPassword}
            error={errors.currentPassword}
            onChange={set('currentPassword')}
          />
          <PasswordInput
            label={t('profile.security.newPassword')}
            description={t('identity.passwordRule', { minLength })}
            autoComplete="new-password"
            value={values.newPassword}
            error={errors.newPassword}
            onChange={set('newPassword')}
          />
          <PasswordInput
            label={t('profile.security.repeatPassword')}
            autoComplete="new-password"
            value={values.repeat}
            error={errors.repeat}
            onChange={set('repeat')}
          />
          <Group>
            <Button type="submit" loading={loading}>
              {t('profile.security.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SecuritySection>
  );
}
