import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EventRecord } from './event.entity.js';

export interface EventFilter {
  /** Exact, a prefix wildcard (`ticket.*`) or `*`. */
  type?: string;
  since?: Date;
  until?: Date;
}

/** Published events, read back: newest first, a page at a time, ids as cursors (they sort by creation). */
@Injectable()
export class EventLogService {
  constructor(@InjectRepository(EventRecord) private readonly events: Repository<EventRecord>) {}

  list(projectId: string, filter: EventFilter, limit: number, cursor?: string): Promise<EventRecord[]> {
    const query = this.events.createQueryBuilder('e').where('e.project_id = :projectId', { projectId });
    if (filter.type?.endsWith('.*'))
      query.andWhere("e.type LIKE :prefix ESCAPE '\\'", { prefix: `${escapeLike(filter.type.slice(0, -1))}%` });
    else if (filter.type && filter.type !== '*') query.andWhere('e.type = :type', { type: filter.type });
    if (filter.since) query.andWhere('e.received_at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('e.received_at < :until', { until: filter.until });
    if (cursor) query.andWhere('e.id < :cursor', { cursor });
    return query.orderBy('e.id', 'DESC').limit(limit).getMany();
  }

  /** When the project's events stored under these idempotency keys were received, by key. */
  async receivedAtByKey(projectId: string, keys: string[]): Promise<Map<string, Date>> {
    const rows: Array<{ idempotency_key: string; received_at: Date }> = await this.events.query(
      'SELECT idempotency_key, received_at FROM events WHERE project_id = $1 AND idempotency_key = ANY($2::text[])',
      [projectId, keys],
    );
    return new Map(rows.map((row) => [row.idempotency_key, row.received_at]));
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The API's view of an event. */
export function eventView(event: EventRecord) {
  return {
    id: event.id,
    idempotency_key: event.idempotencyKey,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: event.time,
    data: event.data,
    received_at: event.receivedAt,
  };
}
