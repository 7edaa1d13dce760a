import { api } from './http';
import type { Channel, Delivery, EventType, Page, Subscription } from './types';

export const loadChannels = () => api.get<{ data: Channel[] }>('/v1/channels').then((answer) => answer.data);
export const loadSubscriptions = () => api.get<{ data: Subscription[] }>('/v1/subscriptions').then((answer) => answer.data);

/** The event catalog; an older server without it offers free entry only. */
export const loadEventTypes = () =>
  api.get<{ data: EventType[] } | EventType[]>('/v1/event-types').then(
    (answer) => (Array.isArray(answer) ? answer : answer.data),
    () => [] as EventType[],
  );

export const loadLastDelivery = (subscriptionId: string) =>
  api
    .get<Page<Delivery>>(`/v1/deliveries?subscription_id=${encodeURIComponent(subscriptionId)}&limit=1`)
    .then((page) => page.data[0] ?? null);

export function actionOf(channels: Channel[] | undefined, channelId: string, actionId: string) {
  const channel = channels?.find((entry) => entry.id === channelId);
  return { channel, action: channel?.actions.find((entry) => entry.id === actionId) };
}
