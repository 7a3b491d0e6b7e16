import Bowser from 'bowser';

export interface DeviceDescription {
  browser: string | null;
  os: string | null;
  deviceType: string | null;
}

/** "Chrome 142", "Windows 11", "desktop" from a User-Agent header; nulls where it says nothing. */
export function describeDevice(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { browser: null, os: null, deviceType: null };
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split('.')[0];
  const browser = parsed.browser.name ? [parsed.browser.name, major].filter(Boolean).join(' ') : null;
  const os = parsed.os.name ? [parsed.os.name, parsed.os.versionName ?? parsed.os.version].filter(Boolean).join(' ') : null;
  return { browser, os, deviceType: parsed.platform.type ?? null };
}

/** One line for messages: "Chrome 142 on Windows 11". */
export function deviceLine(userAgent: string | null, unknown: string, on: string): string {
  const { browser, os } = describeDevice(userAgent);
  if (browser && os) return `${browser} ${on} ${os}`;
  return browser ?? os ?? unknown;
}
