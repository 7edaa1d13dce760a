import { Alert, App, Button, Card, Col, Collapse, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { answer, herald } from '../api/client';
import { ApiError, type FieldError } from '../api/api-error';
import { actionDescription, actionName, channelName } from '../api/channel-texts';
import { actionOf, loadChannels, loadEventTypes } from '../api/resources';
import type { Subscription } from '../api/types';
import { useLoad } from '../api/use-load';
import { AdvancedSettings } from '../components/advanced-settings';
import { ChannelLabel } from '../components/channel-icon';
import { ConfigForm, type ConfigFormHandle } from '../components/config-form';
import { EventPicker } from '../components/event-picker';
import { TemplateHelper } from '../components/template-helper';

const FORM_FIELDS = new Set(['name', 'channel', 'action', 'event_types', 'enabled', 'failure_notice']);
const ADVANCED_PREFIXES = ['retry_policy', 'rate_limit', 'filters', 'failure_notice'];

/** 新建 / 编辑通知: channel and action, the generated settings form, events, template, advanced. */
export default function NotificationFormPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const [form] = Form.useForm();
  const channels = useLoad(loadChannels, []);
  const eventTypes = useLoad(loadEventTypes, []);
  const existing = useLoad(
    () =>
      id
        ? (answer(herald.GET('/v1/subscriptions/{id}', { params: { path: { id } } })) as unknown as Promise<Subscription>)
        : Promise.resolve(null),
    [id],
  );
  const channelId: string | undefined = Form.useWatch('channel', form);
  const actionId: string | undefined = Form.useWatch('action', form);
  const name: string | undefined = Form.useWatch('name', form);
  const chosenTypes: string[] | undefined = Form.useWatch('event_types', form);
  const [config, setConfig] = useState<Record<string, unknown>>({});
  const [configErrors, setConfigErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const configForm = useRef<ConfigFormHandle>(null);
  const { channel, action } = actionOf(channels.data, channelId ?? '', actionId ?? '');

  useEffect(() => {
    const subscription = existing.data;
    if (!subscription || !channels.data) return;
    const secrets = actionOf(channels.data, subscription.channel, subscription.action).action?.secret_fields ?? [];
    form.setFieldsValue({
      name: subscription.name,
      channel: subscription.channel,
      action: subscription.action,
      event_types: subscription.event_types,
      enabled: subscription.enabled,
      retry_policy: subscription.retry_policy ?? undefined,
      rate_limit: subscription.rate_limit ?? undefined,
      filters: subscription.filters ?? undefined,
      failure_notice: Boolean(subscription.failure_notice),
    });
    setConfig(Object.fromEntries(Object.entries(subscription.config).filter(([field]) => !secrets.includes(field))));
  }, [existing.data, channels.data, form]);

  const channelOptions = useMemo(
    () => (channels.data ?? []).map((entry) => ({ value: entry.id, label: channelName(entry, language) })),
    [channels.data, language],
  );

  const onValuesChange = (changed: Record<string, unknown>) => {
    if ('channel' in changed) {
      const first = channels.data?.find((entry) => entry.id === changed.channel)?.actions[0]?.id;
      form.setFieldValue('action', first);
      setConfig({});
    }
    if ('action' in changed) setConfig({});
  };

  const showErrors = (errors: FieldError[]) => {
    const inConfig: Record<string, string[]> = {};
    const unplaced: string[] = [];
    for (const { field, message: full } of errors) {
      // The message names its field; beside the field itself, the reason says enough.
      const text = full.startsWith(`${field} `) ? full.slice(field.length + 1) : full;
      if (field.startsWith('config.')) {
        const key = field.slice('config.'.length).split('.')[0];
        inConfig[key] = [...(inConfig[key] ?? []), text];
      } else if (FORM_FIELDS.has(field) || ADVANCED_PREFIXES.some((prefix) => field.startsWith(`${prefix}.`))) {
        form.setFields([{ name: field.split('.'), errors: [text] }]);
        if (ADVANCED_PREFIXES.some((prefix) => field.startsWith(prefix))) setAdvancedOpen(['advanced']);
      } else {
        unplaced.push(text);
      }
    }
    setConfigErrors(inConfig);
    return unplaced;
  };

  const save = async () => {
    setProblem(null);
    setConfigErrors({});
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      configForm.current?.validateForm();
      return;
    }
    if (configForm.current && !configForm.current.validateForm()) return;
    setSaving(true);
    try {
      const body = requestBody(values, config, Boolean(id));
      if (id) await answer(herald.PATCH('/v1/subscriptions/{id}', { params: { path: { id } }, body: body as never }));
      else await answer(herald.POST('/v1/subscriptions', { body: body as never }));
      message.success(t('form.saved', { name: values.name }));
      navigate('/');
    } catch (error) {
      const unplaced = error instanceof ApiError ? showErrors(error.fieldErrors) : [];
      setProblem(
        unplaced.length > 0 || !(error instanceof ApiError) || error.fieldErrors.length === 0
          ? (error as Error).message
          : t('form.fixFields'),
      );
    } finally {
      setSaving(false);
    }
  };

  const hasTemplate = Boolean(action?.config_schema.properties?.template);
  const example = useMemo(() => {
    const found = (eventTypes.data ?? []).find((entry) => chosenTypes?.includes(entry.type) && entry.example);
    return found ? { type: found.type, data: found.example } : undefined;
  }, [eventTypes.data, chosenTypes]);

  return (
    <section aria-labelledby="form-title" style={{ maxWidth: 980 }}>
      <Typography.Title level={1} id="form-title" style={{ fontSize: 24 }}>
        {id ? t('form.editTitle') : t('form.createTitle')}
      </Typography.Title>
      {channels.error ? <Alert type="error" showIcon title={channels.error.message} /> : null}
      <Form
        form={form}
        name="notification"
        layout="vertical"
        initialValues={{ enabled: true, event_types: [] }}
        onValuesChange={onValuesChange}
        onFinish={save}
      >
        <Card title={t('form.basics')} style={{ marginBottom: 24 }}>
          <Form.Item
            name="name"
            label={t('fields.name')}
            extra={t('form.nameHelp')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('fields.channel')} rules={[{ required: true, message: t('form.required') }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={channelOptions}
                  disabled={Boolean(id)}
                  optionRender={(option) => <ChannelLabel channel={String(option.value)} name={String(option.label)} />}
                  labelRender={(option) => <ChannelLabel channel={String(option.value)} name={String(option.label)} />}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="action"
                label={t('fields.action')}
                rules={[{ required: true, message: t('form.required') }]}
                extra={action ? actionDescription(action, language) : undefined}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={Boolean(id)}
                  options={(channel?.actions ?? []).map((entry) => ({
                    value: entry.id,
                    label: `${actionName(entry, language)} (${entry.id})`,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="event_types"
            label={t('fields.events')}
            extra={t('events.help')}
            rules={[{ required: true, type: 'array', min: 1, message: t('events.required') }]}
          >
            <EventPicker eventTypes={eventTypes.data ?? []} />
          </Form.Item>
          <Form.Item name="enabled" label={t('fields.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Card>

        {action ? (
          <Card title={t('form.channelSettings', { action: actionName(action, language) })} style={{ marginBottom: 24 }}>
            <ConfigForm
              ref={configForm}
              action={action}
              value={config}
              onChange={setConfig}
              stored={existing.data?.action === action.id ? existing.data.config : undefined}
              errors={configErrors}
            />
          </Card>
        ) : null}

        {hasTemplate ? (
          <TemplateHelper
            template={typeof config.template === 'string' ? config.template : ''}
            name={name ?? ''}
            event={example}
            onInsert={(path) => setConfig({ ...config, template: `${typeof config.template === 'string' ? config.template : ''}${path}` })}
          />
        ) : null}

        <Collapse
          activeKey={advancedOpen}
          onChange={(keys) => setAdvancedOpen(keys as string[])}
          style={{ marginBottom: 24 }}
          items={[{ key: 'advanced', label: t('form.advanced'), forceRender: true, children: <AdvancedSettings action={action} /> }]}
        />

        {problem ? <Alert type="error" showIcon title={t('form.saveFailed')} description={problem} style={{ marginBottom: 16 }} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate('/')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </section>
  );
}

interface FormValues {
  name: string;
  channel: string;
  action: string;
  event_types: string[];
  enabled: boolean;
  retry_policy?: Record<string, number | null>;
  rate_limit?: Record<string, number | null>;
  filters?: Record<string, unknown>;
  failure_notice?: boolean;
}

/** The request: an empty field is left out, so an untouched secret keeps its stored value. */
function requestBody(values: FormValues, config: Record<string, unknown>, editing: boolean) {
  const cleanConfig = Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
  return {
    name: values.name,
    ...(editing ? {} : { channel: values.channel, action: values.action }),
    event_types: values.event_types,
    enabled: values.enabled,
    config: cleanConfig,
    ...compactEntry('retry_policy', values.retry_policy),
    ...compactEntry('rate_limit', values.rate_limit),
    ...compactEntry('filters', values.filters),
    ...(values.failure_notice ? { failure_notice: true } : {}),
  };
}

function compactEntry(name: string, value: unknown): Record<string, unknown> {
  const compacted = compact(value);
  return compacted === undefined ? {} : { [name]: compacted };
}

/** Drops empty values, empty lists and objects left empty, so unset advanced settings are not sent. */
function compact(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => [key, compact(child)] as const)
      .filter(([, child]) => child !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}
