import { describe, expect, it } from '@jest/globals';
import { IsString } from 'class-validator';
import { defineAction, defineChannel } from './channel-provider.js';
import { delivered } from './delivery-outcome.js';
import { ConfigError, sendOnce } from './send-once.js';

class RobotConfig {
  @IsString()
  service_url: string;
}
class AppConfig {
  @IsString()
  app_id: string;
}
const robot = defineAction({ id: 'robot', displayName: 'Robot', config: RobotConfig, send: async () => delivered({ note: 'robot' }) });
const app = defineAction({ id: 'app', displayName: 'App', config: AppConfig, send: async () => delivered({ note: 'app' }) });
const channel = defineChannel({ id: 'two', displayName: 'Two actions', actions: [robot, app] });

describe('sendOnce without an action id', () => {
  it.each([
    [{ service_url: 'https://example.com/hook' }, 'robot'],
    [{ app_id: 'cli_1' }, 'app'],
  ])('picks the one action whose config %j is', async (config, note) => {
    expect(await sendOnce(channel, { config, event: { type: 'x' } })).toMatchObject({ status: 'delivered', note });
  });

  it('refuses a config no action takes, naming the actions', async () => {
    await expect(sendOnce(channel, { config: { other: 1 }, event: { type: 'x' } })).rejects.toThrow(ConfigError);
    await expect(sendOnce(channel, { config: { other: 1 }, event: { type: 'x' } })).rejects.toThrow('action must be one of: robot, app');
  });
});
