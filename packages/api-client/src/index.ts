import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };

/** Every request and answer body of the API, by name: `Schemas['SubscriptionAnswer']`. */
export type Schemas = components['schemas'];

/** The one shape of every error answer. */
export type ErrorAnswer = Schemas['ErrorAnswer'];

export type HeraldClient = Client<paths>;

export interface HeraldClientOptions extends ClientOptions {
  /** The server's address, such as `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** An API key (or the root key), or a function that returns the current one; none for health and metrics. */
  apiKey?: string | (() => string | undefined);
}

/**
 * A typed client of the Herald API: paths, parameters, bodies and answers are checked against the
 * server's OpenAPI document at compile time.
 *
 *     const herald = createHeraldClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: process.env.HERALD_KEY });
 *     const { data, error } = await herald.POST('/v1/events', { body: { type: 'ticket.created', data: { id: 42 } } });
 */
export function createHeraldClient({ apiKey, ...options }: HeraldClientOptions): HeraldClient {
  const client = createClient<paths>(options);
  client.use({
    onRequest({ request }) {
      const key = typeof apiKey === 'function' ? apiKey() : apiKey;
      if (key && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${key}`);
      return request;
    },
  });
  return client;
}
