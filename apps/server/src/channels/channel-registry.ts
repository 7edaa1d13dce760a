import type { ChannelAction, ChannelProvider } from '@herald/channel-sdk';

/** The channels this process loaded, looked up by channel id and action id. */
export class ChannelRegistry {
  private readonly byId: Map<string, ChannelProvider>;

  constructor(readonly providers: readonly ChannelProvider[]) {
    this.byId = new Map(providers.map((provider) => [provider.id, provider]));
  }

  /** The longest default request time-out of the loaded actions: the basis of leases and job locks. */
  usualTimeoutMs(): number {
    return Math.max(1_000, ...this.providers.flatMap((provider) => provider.actions.map((action) => action.defaults.timeoutMs)));
  }

  channelIds(): string[] {
    return [...this.byId.keys()];
  }

  findChannel(channelId: string): ChannelProvider | undefined {
    return this.byId.get(channelId);
  }

  findAction(channelId: string, actionId: string): ChannelAction | undefined {
    return this.byId.get(channelId)?.actions.find((action) => action.id === actionId);
  }

  /** The action, or an error message naming what is wrong. */
  resolve(channelId: string, actionId: string): { action: ChannelAction } | { problem: string } {
    const channel = this.findChannel(channelId);
    if (!channel) return { problem: `channel "${channelId}" is not installed; installed: ${this.channelIds().join(', ')}` };
    const action = channel.actions.find((candidate) => candidate.id === actionId);
    if (!action)
      return {
        problem: `action "${actionId}" is not an action of channel ${channelId}; its actions: ${channel.actions.map((a) => a.id).join(', ')}`,
      };
    return { action };
  }
}
