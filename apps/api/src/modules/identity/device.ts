import Bowser from 'bowser';
import type { Language } from '@seatwise/schema';
import { msg, render } from '../../i18n/messages.js';

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

/** One line for messages, in the recipient's language: "Chrome 142 on Windows 11". */
export function deviceLine(userAgent: string | null, language: Language): string {
  const { browser, os } = describeDevice(userAgent);
  if (browser && os) return render(msg('{browser} on {os}', { browser, os }), language);
  return browser ?? os ?? render(msg('unknown device'), language);
}
