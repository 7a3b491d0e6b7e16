import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type RangePreset, rangePresets } from './reportRange';

/** "This month … last 12 months": the date range of a report. */
export function RangeSelect({ value, onChange }: { value: RangePreset; onChange: (preset: RangePreset) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('reports.period')}
      data={rangePresets.map((preset) => ({ value: preset, label: t(`reports.periods.${preset}`) }))}
      value={value}
      onChange={(next) => next && onChange(next as RangePreset)}
      allowDeselect={false}
      w={220}
    />
  );
}
