import { Injectable, UnauthorizedException } from '@nestjs/common';
import { badRequest } from '../common/bad-request.js';
import { EventLogService } from '../events/event-log.service.js';
import { EventsService, type PublishResult } from '../events/events.service.js';
import { MAX_BATCH_EVENTS } from '../events/publish-event.dto.js';
import { alertmanagerEvents } from './alertmanager.adapter.js';
import { parseRepeatInterval, reminderKey, reminderKeys } from './alertmanager.reminders.js';
import { feishuProjectEvent, parseFeishuProjectWebhook } from './feishu-project.adapter.js';
import { genericEvent } from './generic.adapter.js';
import { type IngestEvent, IngestBodyError } from './ingest-event.js';
import type { IngestToken } from './ingest-token.entity.js';

type Published = PublishResult & { type: string };

/** Turns a sender's own body into Herald events through its adapter, and publishes them. */
@Injectable()
export class IngestService {
  constructor(
    private readonly events: EventsService,
    private readonly log: EventLogService,
  ) {}

  /** `repeatInterval`: the route's repeat_interval, after which a still-firing alert's webhook is a reminder, not a repeat. */
  async alertmanager(projectId: string, body: unknown, repeatInterval?: string): Promise<{ events: Published[] }> {
    const windowMs = adapt(() => parseRepeatInterval(repeatInterval));
    const events = await this.keyReminders(
      projectId,
      adapt(() => alertmanagerEvents(body)),
      windowMs,
    );
    const results: Published[] = [];
    for (let start = 0; start < events.length; start += MAX_BATCH_EVENTS) {
      results.push(...(await this.publish(projectId, events.slice(start, start + MAX_BATCH_EVENTS))));
    }
    return { events: results };
  }

  /** `verify` checks `header.token` when the sender came through an ingest token with a verification token. */
  async feishuProject(projectId: string, body: unknown, verify: (token: string | undefined) => boolean = () => true): Promise<Published> {
    const webhook = adapt(() => parseFeishuProjectWebhook(body));
    if (!verify(webhook.header.token))
      throw new UnauthorizedException('header.token does not match the verification token of this ingest token');
    const [result] = await this.publish(projectId, [adapt(() => feishuProjectEvent(webhook))]);
    return result!;
  }

  async byToken(
    token: IngestToken,
    body: unknown,
    verify: (token: string | undefined) => boolean,
    repeatInterval?: string,
  ): Promise<unknown> {
    if (token.adapter === 'alertmanager') return this.alertmanager(token.projectId, body, repeatInterval);
    if (token.adapter === 'feishu-project') return this.feishuProject(token.projectId, body, verify);
    const [result] = await this.publish(token.projectId, [adapt(() => genericEvent(body, token.settings ?? {}, token.name))]);
    return result;
  }

  /** Firing alerts get the key of the notice they repeat, or a fresh one when a reminder is due (alertmanager.reminders.ts). */
  private async keyReminders(projectId: string, events: IngestEvent[], windowMs: number): Promise<IngestEvent[]> {
    const now = Date.now();
    const keys = events.map((event) => (event.type === 'alertmanager.firing' ? reminderKeys(event.id!, now, windowMs) : undefined));
    const candidates = keys.flatMap((key) => key?.candidates ?? []);
    if (candidates.length === 0) return events;
    const received = await this.log.receivedAtByKey(projectId, candidates);
    return events.map((event, index) => (keys[index] ? { ...event, id: reminderKey(keys[index], received, now, windowMs) } : event));
  }

  private async publish(projectId: string, events: IngestEvent[]): Promise<Published[]> {
    if (events.length === 0) return [];
    const results = await this.events.publish(projectId, events);
    return results.map((result, index) => ({ ...result, type: events[index]!.type }));
  }
}

function adapt<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof IngestBodyError) throw badRequest(error.field, error.reason);
    throw error;
  }
}
