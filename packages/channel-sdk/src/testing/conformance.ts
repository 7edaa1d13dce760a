import { describe, expect, it } from '@jest/globals';
import type { ChannelAction, ChannelProvider, SendContext } from '../channel-provider.js';
import type { ConfigIssue } from '../config-schema.js';
import { channelProviderProblem } from '../channel-provider.js';
import type { DeliveryOutcome } from '../delivery-outcome.js';
import { TransportError, type HttpRequest, type HttpResponse } from '../http-transport.js';
import { createMessageContext } from '../message-context.js';
import { runAction } from '../run-action.js';
import { memoryCache } from '../shared-cache.js';
import { scriptedTransport, textAnswer, type ScriptedAnswer } from './scripted-transport.js';

export interface ActionConformanceCase {
  /** A config that passes validation. Give every secret field a distinctive value of 8+ characters (the kit checks each). */
  config: Record<string, unknown>;
  /** The platform's documented success answer (or a function of the request, for multi-step actions). */
  success: ScriptedAnswer;
  /** A refusal the platform gives for good; defaults to HTTP 400. */
  permanent?: ScriptedAnswer;
}

export interface ConformanceOptions {
  /** One case per action id; every action of the provider must have one. */
  cases: Record<string, ActionConformanceCase>;
}

const sampleEvent = createMessageContext({
  id: 'evt_conformance',
  type: 'conformance.check',
  source: 'conformance',
  time: '2024-01-15T10:30:00Z',
  data: { title: 'Build 42 failed', status: 'failed' },
});

/**
 * The contract every channel owes, as one jest `describe` block. Call it from a spec file of the
 * channel package: `describeChannelConformance(provider, { cases: { my_action: { config, success } } })`.
 */
export function describeChannelConformance(provider: ChannelProvider, options: ConformanceOptions): void {
  describe(`channel conformance: ${provider.id}`, () => {
    it('has the shape of a ChannelProvider', () => {
      expect(channelProviderProblem(provider)).toBeUndefined();
    });

    it('has a conformance case for every action', () => {
      expect(Object.keys(options.cases).sort()).toEqual(provider.actions.map((action) => action.id).sort());
    });

    for (const action of provider.actions) {
      const testCase = options.cases[action.id];
      if (testCase) describeAction(action, testCase);
    }
  });
}

function describeAction(action: ChannelAction, testCase: ActionConformanceCase): void {
  const attempt = (answer: ScriptedAnswer) => sendWith(action, testCase.config, answer);

  describe(action.id, () => {
    it('publishes a JSON Schema with properties for its config', () => {
      expect(action.configSchema).toMatchObject({ type: 'object' });
      expect(Object.keys((action.configSchema as { properties?: object }).properties ?? {}).length).toBeGreaterThan(0);
      for (const field of action.secretFields) {
        expect((action.configSchema as { properties: Record<string, object> }).properties[field]).toMatchObject({ writeOnly: true });
      }
    });

    it('rejects an empty config with messages that name the fields', () => {
      const parsed = action.parseConfig({});
      expect(parsed.ok).toBe(false);
      const issues = (parsed as { issues?: ConfigIssue[] }).issues ?? [];
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue.field).not.toBe('');
        expect(issue.message).toContain(issue.field.split('.').pop());
      }
    });

    it('rejects fields it does not know', () => {
      const parsed = action.parseConfig({ ...testCase.config, no_such_field: 1 });
      expect(parsed.ok).toBe(false);
    });

    it('accepts the sample config', () => {
      const parsed = action.parseConfig(testCase.config);
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    });

    it("resolves the platform's success answer as delivered", async () => {
      const { outcome, requests } = await attempt(testCase.success);
      expect(outcome.status).toBe('delivered');
      expect(requests.length).toBeGreaterThan(0);
    });

    it('retries 429 and honours Retry-After in milliseconds', async () => {
      const { outcome } = await attempt(textAnswer(429, 'Too Many Requests', { 'retry-after': '7' }));
      expect(outcome).toMatchObject({ status: 'retry', retryAfterMs: 7000 });
    });

    it('retries 5xx answers', async () => {
      const { outcome } = await attempt(textAnswer(503, '<html>Service Unavailable</html>'));
      expect(outcome.status).toBe('retry');
    });

    it('retries when the connection fails', async () => {
      const { outcome } = await attempt(new TransportError('connection failed: ECONNRESET', true, 'ECONNRESET'));
      expect(outcome.status).toBe('retry');
    });

    it('fails for good on a permanent refusal, with a reason', async () => {
      const { outcome } = await attempt(testCase.permanent ?? textAnswer(400, 'Bad Request'));
      expect(outcome.status).toBe('failed');
      expect((outcome as { reason: string }).reason.length).toBeGreaterThan(0);
    });

    // An action without secret fields has nothing to keep out; one with them must be given a value for each.
    if (action.secretFields.length === 0) return;
    it('keeps secrets out of the request summary and the reasons', async () => {
      const secrets = action.secretFields
        .map((field) => testCase.config[field])
        .filter((value): value is string => typeof value === 'string' && value.length >= 8);
      // Every secret field needs a distinctive value in the sample config, or there is nothing to check.
      expect(secrets).toHaveLength(action.secretFields.length);
      const answers = [testCase.success, textAnswer(400, JSON.stringify(testCase.config)), textAnswer(503, 'down')];
      for (const answer of answers) {
        const { outcome } = await attempt(answer);
        const stored = JSON.stringify(outcome);
        for (const secret of secrets) expect(stored).not.toContain(secret);
      }
    });
  });
}

async function sendWith(
  action: ChannelAction,
  rawConfig: Record<string, unknown>,
  answer: ScriptedAnswer,
): Promise<{ outcome: DeliveryOutcome; requests: HttpRequest[] }> {
  const parsed = action.parseConfig(rawConfig);
  if (!parsed.ok) throw new Error(`sample config is invalid: ${JSON.stringify(parsed.issues)}`);
  const transport = scriptedTransport(answer);
  const context: SendContext<object> = {
    config: parsed.config,
    message: sampleEvent,
    delivery: { id: 'dlv_conformance', attempt: 1 },
    transport,
    timeoutMs: 1000,
    cache: memoryCache(),
    now: Date.now,
  };
  const outcome = await runAction(action, context);
  return { outcome, requests: transport.requests };
}

export type { HttpResponse };
