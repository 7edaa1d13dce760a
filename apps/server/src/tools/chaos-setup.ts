import type { ChildProcess } from 'node:child_process';
import type { FakeWebhookReceiver } from '@herald/channel-http/testing';
import pg from 'pg';
import { ROOT_KEY } from './scratch-environment.js';

/** What chaos.ts and chaos-replicas.ts share: pauses, the log line, the service's health, its API and the chaos project. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (message: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Waits up to 30 s for the process on `port` to answer /health; throws `failure` when it never does. */
export async function waitForHealth(child: ChildProcess, port: number, failure: string): Promise<ChildProcess> {
  for (let tries = 0; tries < 150; tries += 1) {
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return child;
    await sleep(200);
  }
  throw new Error(failure);
}

export type ChaosApi = (path: string, key: string, body: unknown) => Promise<{ status: number; body: any }>;

/** A POST to the service on `port` with an API key. */
export function chaosApi(port: number): ChaosApi {
  return async (path, key, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
}

/** The chaos project and its subscription to every event, sent to the receiver; gives the project's publisher key. */
export async function setUpChaosProject(api: ChaosApi, receiver: FakeWebhookReceiver): Promise<string> {
  const project = (await api('/v1/projects', ROOT_KEY, { key: 'chaos', name: 'Chaos' })).body;
  const [admin, publisher] = project.api_keys.map((entry: { key: string }) => entry.key);
  await api('/v1/subscriptions', admin, {
    name: 'chaos receiver',
    channel: 'http',
    action: 'webhook_http_post',
    event_types: ['*'],
    config: { service_url: `${receiver.url}/hook` },
    retry_policy: { max_attempts: 50, initial_delay_ms: 200, max_delay_ms: 2_000, timeout_ms: 3_000 },
  });
  return publisher;
}

/**
 * Waits (at most `timeoutMs`, polling every `pollMs`) until no delivery is pending or delivering and
 * every published id reached the receiver; gives the unfinished and failed delivery counts.
 */
export async function drainDeliveries(
  databaseUrl: string,
  receiver: FakeWebhookReceiver,
  published: Iterable<string>,
  options: { timeoutMs: number; pollMs: number },
): Promise<{ unfinished: number; failed: number }> {
  const ids = [...published];
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  const deadline = Date.now() + options.timeoutMs;
  let unfinished = Number.POSITIVE_INFINITY;
  while (Date.now() < deadline) {
    unfinished = (await database.query("SELECT count(*)::int AS n FROM deliveries WHERE status IN ('pending', 'delivering')")).rows[0].n;
    const received = new Set(receiver.requests.map((request) => JSON.parse(request.body).id as string));
    if (unfinished === 0 && ids.every((id) => received.has(id))) break;
    await sleep(options.pollMs);
  }
  const failed = (await database.query("SELECT count(*)::int AS n FROM deliveries WHERE status = 'failed'")).rows[0].n;
  await database.end();
  return { unfinished, failed };
}
