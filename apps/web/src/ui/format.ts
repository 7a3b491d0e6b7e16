const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

/** A date and time from the API (ISO 8601), written the way the UI language writes it. */
export function formatDateTime(iso: string, language: string): string {
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return formatter(language, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A calendar day from the API (YYYY-MM-DD, already in the account's zone): no zone shift. */
export function formatDay(day: string, language: string): string {
  return formatter(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}
