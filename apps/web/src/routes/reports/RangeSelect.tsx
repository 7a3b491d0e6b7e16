import { Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../../ui/DayInput';
import { type RangePreset, rangePresets, type ReportRange } from './reportRange';

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

/** A preset, or "Custom range" with its first and last day (the API takes any range up to two years). */
export function ReportRangeSelect({ value, onChange }: { value: ReportRange; onChange: (next: RangePreset | 'custom', from?: string, to?: string) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const wrong = from !== '' && to !== '' && to < from;
  const apply = (nextFrom: string, nextTo: string) => {
    if (nextFrom && nextTo && nextFrom <= nextTo) onChange('custom', nextFrom, nextTo);
  };
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <Select
        label={t('reports.period')}
        data={[...rangePresets, 'custom' as const].map((preset) => ({ value: preset, label: t(`reports.periods.${preset}`) }))}
        value={value.preset}
        onChange={(next) => {
          if (!next) return;
          if (next === 'custom') {
            setFrom(value.from);
            setTo(value.to);
          }
          onChange(next as RangePreset | 'custom', value.from, value.to);
        }}
        allowDeselect={false}
        w={200}
      />
      {value.preset === 'custom' && (
        <>
          <DayInput
            label={t('reports.from')}
            value={from}
            max={to}
            onChange={(day) => {
              setFrom(day);
              apply(day, to);
            }}
            w={160}
          />
          <DayInput
            label={t('reports.to')}
            value={to}
            min={from}
            onChange={(day) => {
              setTo(day);
              apply(from, day);
            }}
            error={wrong ? t('reports.toBeforeFrom') : undefined}
            w={160}
          />
        </>
      )}
    </Group>
  );
}
