import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ExportMenuProps {
  /** The export's path under /api/exports without the extension, e.g. `seat-usage`. */
  report: string;
  params?: Record<string, string | null | undefined>;
  formats?: ('csv' | 'xlsx')[];
  label?: string;
}

/** Builds a download link of a server-side export (CSV or XLSX) in the UI language. */
export function exportHref(report: string, format: string, params: Record<string, string | null | undefined>, language: string) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  query.set('lang', language.startsWith('sl') ? 'sl' : 'en');
  return `/api/exports/${report}.${format}?${query.toString()}`;
}

/** "Export": a plain link per format, so the browser downloads with the session cookie it already has. */
export function ExportMenu({ report, params = {}, formats = ['csv', 'xlsx'], label }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const text = label ?? t('exports.export');
  if (formats.length === 1) {
    return (
      <Button component="a" href={exportHref(report, formats[0]!, params, i18n.language)} download variant="default" leftSection={<IconDownload size={16} />}>
        {text}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          {text}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((format) => (
          <Menu.Item key={format} component="a" href={exportHref(report, format, params, i18n.language)} download>
            {t(`exports.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
