import { CombinedGraphQLErrors } from '@apollo/client';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** The first error of a failed operation as the API typed it: a stable code and the field it names. */
export interface ApiError {
  code: string;
  field: string | null;
  message: string;
}

export function apiError(error: unknown): ApiError | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const first = error.errors[0];
  if (!first) return null;
  const field = first.extensions?.field;
  return { code: String(first.extensions?.code ?? ''), field: typeof field === 'string' ? field : null, message: first.message };
}

/**
 * A sentence for an error in the UI language: `<prefix>.<field>` for bad input in a field the
 * screen knows, `<prefix>.<CODE>` for a typed error, else the API's own message for a typed error
 * (written in the language the client asks for, see apollo.ts), else the generic one.
 */
export function errorText(t: TFunction, error: ApiError | null, prefix: string): string {
  if (error?.field && error.code === 'BAD_USER_INPUT') {
    const key = `${prefix}.${error.field}`;
    if (t(key, { defaultValue: '' })) return t(key);
  }
  if (error?.code) {
    const key = `${prefix}.${error.code}`;
    if (t(key, { defaultValue: '' })) return t(key);
    if (error.code !== 'INTERNAL_SERVER_ERROR' && error.message) return error.message;
  }
  return t('errors.generic');
}

/**
 * Turns any failed operation into a sentence in the UI language: known codes have their own text
 * (`apiErrors.<CODE>`), others show the server's message, which names the field and the reason and
 * is written in the UI language; a network failure shows the browser's own message.
 */
export function useApiErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string | null => {
    if (!error) return null;
    const found = apiError(error);
    if (!found) return error instanceof Error ? error.message : String(error);
    return found.code ? t(`apiErrors.${found.code}`, { defaultValue: found.message, message: found.message }) : found.message;
  };
}
