import { Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelAction } from '../api/types';

/** 高级设置: retry policy, rate limit, filters and failure notices, each optional. */
export function AdvancedSettings({ action }: { action?: ChannelAction }) {
  const { t } = useTranslation();
  const retry = action?.defaults.retry_policy;
  const limit = action?.defaults.rate_limits[0];
  const number = (name: (string | number)[], label: string, placeholder?: number, extra?: string) => (
    <Col xs={24} md={12} lg={6}>
      <Form.Item name={name} label={label} extra={extra}>
        <InputNumber style={{ width: '100%' }} min={0} placeholder={placeholder === undefined ? undefined : String(placeholder)} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('advanced.retry')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('advanced.retryHelp')}</Typography.Paragraph>
      <Row gutter={16}>
        {number(['retry_policy', 'max_attempts'], t('fields.max_attempts'), retry?.max_attempts)}
        {number(['retry_policy', 'initial_delay_ms'], t('fields.initial_delay_ms'), retry?.initial_delay_ms)}
        {number(['retry_policy', 'max_delay_ms'], t('fields.max_delay_ms'), retry?.max_delay_ms)}
        {number(['retry_policy', 'timeout_ms'], t('fields.timeout_ms'), retry?.timeout_ms)}
      </Row>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('advanced.rateLimit')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('advanced.rateLimitHelp')}</Typography.Paragraph>
      <Row gutter={16}>
        {number(['rate_limit', 'max'], t('fields.rate_max'), limit?.max)}
        {number(['rate_limit', 'per_ms'], t('fields.rate_per_ms'), limit?.per_ms)}
      </Row>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('advanced.filters')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['filters', 'keywords']} label={t('fields.keywords')} extra={t('advanced.keywordsHelp')}>
            <Select mode="tags" tokenSeparators={[',']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['filters', 'keyword_fields']} label={t('fields.keyword_fields')} extra={t('advanced.keywordFieldsHelp')}>
            <Select mode="tags" tokenSeparators={[',']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name={['filters', 'active_hours', 'start']} label={t('fields.active_start')} extra="09:00">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['filters', 'active_hours', 'end']} label={t('fields.active_end')} extra="18:00">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['filters', 'active_hours', 'time_zone']} label={t('fields.time_zone')} extra="Asia/Shanghai">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['filters', 'active_hours', 'outside']} label={t('fields.outside')}>
            <Select
              allowClear
              options={[
                { value: 'hold', label: t('advanced.hold') },
                { value: 'drop', label: t('advanced.drop') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {number(['filters', 'frequency_limit', 'max'], t('fields.frequency_max'))}
        {number(['filters', 'frequency_limit', 'per_seconds'], t('fields.frequency_per_seconds'))}
        {number(['filters', 'dedupe_window_seconds'], t('fields.dedupe_window_seconds'), undefined, t('advanced.dedupeHelp'))}
      </Row>
      <Form.Item name="failure_notice" label={t('fields.failure_notice')} extra={t('advanced.failureNoticeHelp')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
