import { describe, expect, it } from '@jest/globals';
import { redactText, redactUrl } from './redaction.js';

describe('redactUrl', () => {
  it.each([
    ['https://oapi.dingtalk.com/robot/send?access_token=abc123', 'https://oapi.dingtalk.com/robot/send?access_token=[REDACTED]'],
    [
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1&debug=1',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=[REDACTED]&debug=1',
    ],
    ['https://open.feishu.cn/open-apis/bot/v2/hook/0f2e-77aa', 'https://open.feishu.cn/open-apis/bot/v2/hook/[REDACTED]'],
    ['https://hooks.slack.com/services/T000/B000/XXXX', 'https://hooks.slack.com/services/[REDACTED]'],
    ['https://discord.com/api/webhooks/123456/tok-en', 'https://discord.com/api/webhooks/123456/[REDACTED]'],
    ['/v1/ingest/weiyu/ing_secret?x=1', '/v1/ingest/weiyu/[REDACTED]?x=1'],
    ['https://user:pass@jenkins.local/job?token=t&cause=x', 'https://[REDACTED]@jenkins.local/job?token=[REDACTED]&cause=x'],
    ['/v1/deliveries?status=failed&cursor=dlv_1', '/v1/deliveries?status=failed&cursor=dlv_1'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('redactText', () => {
  it.each([
    [
      'request to https://oapi.dingtalk.com/robot/send?access_token=abc failed',
      'request to https://oapi.dingtalk.com/robot/send?access_token=[REDACTED] failed',
    ],
    ['header Authorization: Bearer hka_0123456789abcdef', 'header Authorization: Bearer [REDACTED]'],
    ['the key hkp_0123456789abcdef was revoked', 'the key hkp_[REDACTED] was revoked'],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});
