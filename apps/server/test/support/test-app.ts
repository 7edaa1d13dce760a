import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/herald-config.js';
import { createHeraldApp } from '../../src/herald-app.js';
import { createScratchEnvironment, ROOT_KEY, type ScratchEnvironment } from '../../src/tools/scratch-environment.js';
import { eventually } from './eventually.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A running Herald on a free port, with its own database and Redis prefix, and a small API client. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly environment: ScratchEnvironment,
    readonly baseUrl: string,
  ) {}

  static async start(extraEnv: Record<string, string> = {}, environment?: ScratchEnvironment): Promise<TestApp> {
    const env = environment ?? (await createScratchEnvironment(extraEnv));
    const app = await createHeraldApp(loadConfig({ ...env.env, ...extraEnv }), false);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    return new TestApp(app, env, `http://127.0.0.1:${port}`);
  }

  /** Stops the app; the database and Redis keys stay unless `dispose` is true. */
  async stop(dispose = true): Promise<void> {
    await this.app.close();
    if (dispose) await this.environment.dispose();
  }

  async request<T = any>(method: string, path: string, key?: string, body?: unknown, rawBody?: string): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: rawBody ?? (body === undefined || method === 'GET' ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed as T };
  }

  /** Creates a project and returns its admin and publisher keys. */
  async createProject(key = `p${Math.random().toString(36).slice(2, 10)}`): Promise<{ id: string; admin: string; publisher: string }> {
    const response = await this.request('POST', '/v1/projects', ROOT_KEY, { key, name: `Project ${key}` });
    if (response.status !== 201) throw new Error(`project not created: ${JSON.stringify(response.body)}`);
    const keys = response.body.api_keys as Array<{ role: string; key: string }>;
    return {
      id: response.body.id,
      admin: keys.find((entry) => entry.role === 'admin')!.key,
      publisher: keys.find((entry) => entry.role === 'publisher')!.key,
    };
  }

  /** Polls a delivery until it reaches `status` (or fails after `timeoutMs`). */
  async waitForDelivery(adminKey: string, deliveryId: string, status: string, timeoutMs = 20_000): Promise<any> {
    let last: any;
    return eventually(
      async () => {
        last = (await this.request('GET', `/v1/deliveries/${deliveryId}`, adminKey)).body;
        return last?.status === status && last;
      },
      { timeout: timeoutMs, what: `delivery ${deliveryId} ${status} (last seen: ${JSON.stringify(last)})` },
    ).catch(() => {
      throw new Error(`delivery ${deliveryId} is ${last?.status}, not ${status}: ${JSON.stringify(last)}`);
    });
  }

  async deliveriesOfEvent(adminKey: string, eventId: string): Promise<any[]> {
    return (await this.request('GET', `/v1/events/${eventId}`, adminKey)).body.deliveries;
  }
}
