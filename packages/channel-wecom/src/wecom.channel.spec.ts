import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isChannelProvider, sendOnce } from '@herald/channel-sdk';
import { describeChannelConformance, jsonAnswer } from '@herald/channel-sdk/testing';
import wecomDefault, { wecomChannel } from './index.js';
import { FakeWeCom, WECOM_ANSWERS } from './testing/index.js';

const ok = jsonAnswer(200, WECOM_ANSWERS.ok);
const token = jsonAnswer(200, { ...WECOM_ANSWERS.ok, access_token: 'conformance-access-token', expires_in: 7200 });
const isTokenRequest = (url: string) => new URL(url).pathname === '/cgi-bin/gettoken';

describeChannelConformance(wecomChannel, {
  cases: {
    wecom_group_chat_robot: {
      config: {
        service_url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
        msg_type: 'text',
        mentioned: '@all',
      },
      success: ok,
      permanent: jsonAnswer(200, WECOM_ANSWERS.invalidWebhookKey),
    },
    wecom_app_message: {
      config: { corp_id: 'ww0123456789abcdef', agent_id: 1000002, secret: 'app-secret-Zq81LmN0', to_users: 'zhangsan|lisi' },
      success: (request) => (isTokenRequest(request.url) ? token : ok),
      permanent: (request) => (isTokenRequest(request.url) ? jsonAnswer(200, WECOM_ANSWERS.invalidSecret) : ok),
    },
  },
});

describe('the package', () => {
  it('exports the provider as a named and as the default export', () => {
    expect(wecomDefault).toBe(wecomChannel);
    expect(isChannelProvider(wecomChannel)).toBe(true);
    expect(wecomChannel.actions.map((action) => action.id)).toEqual(['wecom_group_chat_robot', 'wecom_app_message']);
  });

  describe('standalone, with sendOnce', () => {
    const wecom = new FakeWeCom({ robotKeys: ['readme-robot-key'] });
    beforeAll(() => wecom.start());
    afterAll(() => wecom.stop());

    it('delivers the README example to the fake', async () => {
      const outcome = await sendOnce(wecomChannel, {
        action: 'wecom_group_chat_robot',
        config: { service_url: wecom.robotUrl('readme-robot-key') },
        event: { type: 'build.failed', data: { project: 'demo', build: 42 } },
      });
      expect(outcome).toMatchObject({ status: 'delivered', response: { status: 200 } });
      expect(wecom.robotMessages).toHaveLength(1);
    });
  });
});
