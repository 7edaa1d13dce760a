import 'reflect-metadata';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Inject, Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { fetchTransport, sendOnce, type ChannelProvider, type HttpTransport } from '@herald/channel-sdk';
import { FEISHU_CHANNEL, FeishuChannelModule } from './nest.js';
import { FakeFeishu } from './testing/index.js';

const HOOK_URL = 'FEISHU_HOOK_URL';
const feishu = new FakeFeishu({ secret: 'qNV3n3XKCb5y9QJ6Nv3ZMb' });

/** A consumer's own service: it sends release notes through the channel Nest injects. */
@Injectable()
class ReleaseNotifier {
  constructor(
    @Inject(FEISHU_CHANNEL) readonly channel: ChannelProvider,
    @Inject(HOOK_URL) private readonly hookUrl: string,
  ) {}

  announce(version: string) {
    return sendOnce(this.channel, {
      config: { service_url: this.hookUrl, sign: 'qNV3n3XKCb5y9QJ6Nv3ZMb', msg_type: 'text' },
      event: { type: 'release.published', data: { version } },
    });
  }
}

/** Where a consumer keeps its settings; registerAsync reads the channel's options from it. */
@Module({ providers: [{ provide: 'SETTINGS', useValue: { feishuTimeoutMs: 2_500 } }], exports: ['SETTINGS'] })
class SettingsModule {}

function recordingTransport(): HttpTransport & { urls: string[] } {
  const inner = fetchTransport();
  const urls: string[] = [];
  return {
    urls,
    request(request) {
      urls.push(request.url);
      return inner.request(request);
    },
  };
}

describe('FeishuChannelModule in a Nest application of its own', () => {
  let app: INestApplicationContext | undefined;
  beforeAll(() => feishu.start());
  afterAll(() => feishu.stop());
  afterEach(async () => {
    await app?.close();
    feishu.reset();
  });

  async function start(channelModule: ReturnType<typeof FeishuChannelModule.register>) {
    @Module({ imports: [channelModule], providers: [ReleaseNotifier, { provide: HOOK_URL, useValue: feishu.webhookUrl() }] })
    class ConsumerModule {}
    app = await NestFactory.createApplicationContext(ConsumerModule, { logger: false, abortOnError: false });
    return app.get(ReleaseNotifier);
  }

  it('register() injects the channel, and a send through it reaches the platform', async () => {
    const notifier = await start(FeishuChannelModule.register());
    const outcome = await notifier.announce('1.4.0');
    expect(outcome.status).toBe('delivered');
    expect(feishu.messages).toHaveLength(1);
    expect(JSON.stringify(feishu.messages[0]!.body)).toContain('1.4.0');
  });

  it("registerAsync() takes its options from the consumer's providers: defaults and the transport", async () => {
    const transport = recordingTransport();
    const notifier = await start(
      FeishuChannelModule.registerAsync({
        imports: [SettingsModule],
        inject: ['SETTINGS'],
        useFactory: (settings: { feishuTimeoutMs: number }) => ({
          defaults: { feishu_group_chat_robot: { timeoutMs: settings.feishuTimeoutMs } },
          transport,
        }),
      }),
    );
    expect(notifier.channel.actions[0]!.defaults.timeoutMs).toBe(2_500);
    expect((await notifier.announce('1.5.0')).status).toBe('delivered');
    expect(transport.urls).toEqual([feishu.webhookUrl()]);
    expect(feishu.messages).toHaveLength(1);
  });

  it('refuses options that name an action the channel does not have', async () => {
    await expect(start(FeishuChannelModule.register({ defaults: { feishu_app: { timeoutMs: 1 } } }))).rejects.toThrow(
      'channel feishu options: defaults name feishu_app, not an action of it (feishu_group_chat_robot, feishu_app_message)',
    );
  });
});
