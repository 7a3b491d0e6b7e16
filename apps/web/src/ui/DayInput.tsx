import { DateInput, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import dayjs from 'dayjs';
import 'dayjs/locale/sl';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

/**
 * How each UI language writes a calendar day, and what it accepts when someone types one. A native
 * `<input type="date">` follows the browser's locale instead (mm/dd/yyyy in an American Chromium),
 * so a Slovenian reader would see a date the way nobody in Slovenia writes it.
 */
const dayFormats: Record<string, { shown: string; typed: string[] }> = {
  sl: { shown: 'D. M. YYYY', typed: ['D. M. YYYY', 'D.M.YYYY', 'D. M. YY', 'D.M.YY', 'YYYY-MM-DD'] },
  en: { shown: 'D MMM YYYY', typed: ['D MMM YYYY', 'D MMMM YYYY', 'DD/MM/YYYY', 'D/M/YYYY', 'MMM D, YYYY', 'YYYY-MM-DD'] },
};

export function dayFormatFor(language: string) {
  return dayFormats[language] ?? dayFormats.en!;
}

/** The day someone typed, as the API's YYYY-MM-DD, or null when it is not a day in that language's writing. */
export function parseTypedDay(text: string, language: string): string | null {
  const { typed } = dayFormatFor(language);
  const parsed = dayjs(text.trim(), typed, language, true);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
}

type DayInputProps = Omit<DateInputProps, 'value' | 'onChange' | 'minDate' | 'maxDate' | 'locale' | 'valueFormat' | 'dateParser'> & {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (day: string) => void;
  min?: string;
  max?: string;
};

/**
 * A calendar day, typed or picked, written the way the UI language writes dates ("7. 12. 2026" in
 * Slovenian, weeks from Monday) while the value stays the API's YYYY-MM-DD.
 */
export function DayInput({ value, onChange, min, max, ...props }: DayInputProps) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'sl' ? 'sl' : 'en';
  return (
    <DateInput
      {...props}
      locale={language}
      valueFormat={dayFormatFor(language).shown}
      dateParser={(text) => parseTypedDay(text, language)}
      value={value || null}
      minDate={min || undefined}
      maxDate={max || undefined}
      onChange={(day) => onChange(day ?? '')}
      firstDayOfWeek={1}
    />
  );
}
