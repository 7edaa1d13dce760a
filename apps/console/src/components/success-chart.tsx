import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Stats } from '../api/types';

/** Deliveries per bucket, succeeded / failed / skipped stacked. Loaded on demand: recharts stays out of the first load. */
export default function SuccessChart({ series }: { series: NonNullable<Stats['series']> }) {
  const { t } = useTranslation();
  const data = series.map((bucket) => ({
    ...bucket,
    label: new Date(bucket.start).toLocaleString(undefined, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
  }));
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={data} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="succeeded" name={t('status.succeeded')} stackId="deliveries" fill="#52c41a" />
        <Bar dataKey="failed" name={t('status.failed')} stackId="deliveries" fill="#ff4d4f" />
        <Bar dataKey="skipped" name={t('status.skipped')} stackId="deliveries" fill="#bfbfbf" />
      </BarChart>
    </ResponsiveContainer>
  );
}
