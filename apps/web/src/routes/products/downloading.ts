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

const ARCHIVE_TARGET = 'seatwise-archive-download';

/** The hidden frame the archive is posted into, and the form that posts it; made once, kept (Chromium drops a submission whose form is removed at once). */
function archiveForm(): HTMLFormElement {
  const existing = document.querySelector<HTMLFormElement>(`form[target="${ARCHIVE_TARGET}"]`);
  if (existing) return existing;
  const frame = document.createElement('iframe');
  frame.name = ARCHIVE_TARGET;
  frame.hidden = true;
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/api/downloads/archive';
  form.target = ARCHIVE_TARGET;
  form.hidden = true;
  document.body.append(frame, form);
  return form;
}

/**
 * Downloads several signed links as one zip (F-25 "Download all"): a form POST of the links, so the
 * browser shows one download with its progress instead of one per file. The answer goes to a
 * hidden frame: a download leaves the page as it is, whatever the server says.
 */
export function downloadArchive(urls: string[]): void {
  const form = archiveForm();
  form.replaceChildren(
    ...urls.map((url) => {
      const field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'link';
      field.value = url;
      return field;
    }),
  );
  form.submit();
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
