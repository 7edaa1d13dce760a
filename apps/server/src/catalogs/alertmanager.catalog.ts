import { type Catalog, type CatalogEntry, object, string } from './catalog-entry.js';

/*
 * Prometheus Alertmanager, through POST /v1/ingest/alertmanager: one event per alert of a webhook
 * (version 4), its `data` the alert with the group's fields beside it, in Alertmanager's own
 * field names so its users' habits carry over (`${data.labels.alertname}`).
 */

const labels = { type: 'object', additionalProperties: { type: 'string' } };
const schema = object(
  {
    status: { type: 'string', enum: ['firing', 'resolved'] },
    labels,
    annotations: labels,
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', description: 'the end time; 0001-01-01T00:00:00Z while firing' },
    generatorURL: string('the Prometheus expression that fired'),
    fingerprint: string('identifies the alert by its labels'),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    receiver: string(),
    externalURL: string('the Alertmanager that sent it'),
    groupKey: string(),
  },
  ['status', 'labels', 'startsAt', 'groupLabels'],
);

const group = {
  groupLabels: { alertname: 'DiskFull' },
  commonLabels: { alertname: 'DiskFull', severity: 'critical' },
  commonAnnotations: { summary: '磁盘使用率 92%' },
  receiver: 'herald',
  externalURL: 'http://alertmanager.example:9093',
  groupKey: '{}:{alertname="DiskFull"}',
};
const alert = {
  labels: { alertname: 'DiskFull', instance: 'db1:9100', severity: 'critical' },
  annotations: { summary: '磁盘使用率 92%' },
  startsAt: '2024-01-15T10:30:00Z',
  generatorURL: 'http://prometheus.example:9090/graph?g0.expr=disk_used_ratio+%3E+0.9',
  fingerprint: '4f2a9b1c7d3e5a60',
};

const entries: CatalogEntry[] = [
  {
    type: 'alertmanager.firing',
    catalog: 'alertmanager',
    description: { zh: '告警触发', en: 'An alert is firing' },
    schema,
    example: { status: 'firing', ...alert, endsAt: '0001-01-01T00:00:00Z', ...group },
  },
  {
    type: 'alertmanager.resolved',
    catalog: 'alertmanager',
    description: { zh: '告警恢复', en: 'An alert was resolved' },
    schema,
    example: { status: 'resolved', ...alert, endsAt: '2024-01-15T10:45:00Z', ...group },
  },
];

export const alertmanagerCatalog: Catalog = {
  id: 'alertmanager',
  name: { zh: 'Prometheus Alertmanager', en: 'Prometheus Alertmanager' },
  source: 'Alertmanager webhook_config body, version 4',
  entries,
};
