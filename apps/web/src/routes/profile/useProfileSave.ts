import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateProfileInput } from '@seatwise/schema/client';
import { MeDocument } from '../../session/session.graphql';
import { apiError, errorText } from '../../ui/apiError';
import { UpdateProfileDocument } from './profile.graphql';

/**
 * Saves part of the profile and keeps the API's answer per field, translated, so the row that was
 * edited shows what is wrong with it. `me` is refetched: the name and language show in the shell.
 */
export function useProfileSave() {
  const { t } = useTranslation();
  const [update, { loading }] = useMutation(UpdateProfileDocument, { refetchQueries: [MeDocument] });
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save(input: UpdateProfileInput): Promise<boolean> {
    setErrors({});
    try {
      await update({ variables: { input } });
      return true;
    } catch (error) {
      const typed = apiError(error);
      setErrors({ [typed?.field ?? 'form']: errorText(t, typed, 'profile.errors') });
      return false;
    }
  }

  return { save, saving: loading, errors, setErrors, clearErrors: () => setErrors({}) };
}
