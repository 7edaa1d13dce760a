import { answer, herald } from './client';
import type { Channel, Delivery, DeliveryStatus, EventType, Page, Subscription } from './types';

export const loadChannels = () => answer(herald.GET('/v1/channels')).then((page) => page.data as unknown as Channel[]);
export const loadSubscriptions = () => answer(herald.GET('/v1/subscriptions')).then((page) => page.data as unknown as Subscription[]);

/** The event catalog: built-in types and the project's own; without it the picker still takes free entry. */
export const loadEventTypes = () =>
  answer(herald.GET('/v1/event-types')).then(
    (page) => page.data as unknown as EventType[],
    () => [] as EventType[],
  );

export function loadDeliveries(query: { subscription_id?: string; status?: DeliveryStatus; limit?: number; cursor?: string }) {
  return answer(herald.GET('/v1/deliveries', { params: { query: query as { status?: 'pending' } } })) as unknown as Promise<Page<Delivery>>;
}

export const loadLastDelivery = (subscriptionId: string) =>
  loadDeliveries({ subscription_id: subscriptionId, limit: 1 }).then((page) => page.data[0] ?? null);

export function actionOf(channels: Channel[] | undefined, channelId: string, actionId: string) {
  const channel = channels?.find((entry) => entry.id === channelId);
  return { channel, action: channel?.actions.find((entry) => entry.id === actionId) };
}
