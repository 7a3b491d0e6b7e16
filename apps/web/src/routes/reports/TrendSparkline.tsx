import { Sparkline } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';

/** A small usage trend; its label reads the values out, so the chart has a text alternative. */
export function TrendSparkline({ values, bucketDays, unitKey }: { values: number[]; bucketDays: number; unitKey: string }) {
  const { t } = useTranslation();
  const period = t(`reports.bucket.${bucketDays === 1 ? 'day' : bucketDays === 7 ? 'week' : 'month'}`);
  const label = t('reports.trendLabel', { period, unit: t(unitKey), values: values.join(', ') });
  return (
    <div role="img" aria-label={label} title={label}>
      <Sparkline w={90} h={32} data={values.length > 1 ? values : [0, ...values]} curveType="linear" color="indigo" fillOpacity={0.25} strokeWidth={1.5} />
    </div>
  );
}
