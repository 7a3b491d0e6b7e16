import { CombinedGraphQLErrors } from '@apollo/client';
import { useTranslation } from 'react-i18next';

export interface ApiError {
  code?: string;
  field?: string;
  message: string;
}

/** The first GraphQL error of a failed operation: its code, the field it names, its message. */
export function apiError(error: unknown): ApiError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    if (first) {
      const extensions = (first.extensions ?? {}) as { code?: string; field?: string };
      return { code: extensions.code, field: extensions.field, message: first.message };
    }
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * Turns an API error into a sentence in the UI language: known codes have their own text, others
 * show the server's (English) message, which names the field and the reason.
 */
export function useApiErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string | null => {
    const found = apiError(error);
    if (!found) return null;
    const known = found.code ? `apiErrors.${found.code}` : null;
    return known ? t(known, { defaultValue: found.message, message: found.message }) : found.message;
  };
}

/** Offers text as a file download (CSV reports, templates, exports). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
