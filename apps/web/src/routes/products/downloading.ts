import { CombinedGraphQLErrors } from '@apollo/client';

/** Starts browser downloads of signed links, one after another (browsers allow several when spaced). */
export function startDownloads(urls: string[]): void {
  urls.forEach((url, index) => {
    window.setTimeout(() => {
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = '';
      anchor.rel = 'noopener';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    }, index * 400);
  });
}

const units = ['B', 'KB', 'MB', 'GB'];

export function formatSize(bytes: number, language: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** The field and message of the first error the API returned for bad input, if that is what it was. */
export function inputErrorOf(error: unknown): { field: string | null; message: string } | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const first = error.errors[0];
  if (!first) return null;
  const field = first.extensions?.field;
  return { field: typeof field === 'string' ? field : null, message: first.message };
}
