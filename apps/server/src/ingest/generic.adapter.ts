import { EVENT_TYPE_NAME } from '../events/publish-event.dto.js';
import { type IngestEvent, IngestBodyError } from './ingest-event.js';
import { valueAt } from './json-path.js';

/** How a generic ingest token reads a sender's body. */
export interface GenericSettings {
  /** Where the event type is in the body (`event_type`), or … */
  type_path?: string;
  /** … a fixed type for every body. */
  type?: string;
  /** Put before the type read from the body (`weiyu.`), so a sender's types stay apart. */
  type_prefix?: string;
  /** Where an id for idempotency is (a sender's message id); without it, every post is an event. */
  id_path?: string;
  /** Where the data is, when not the whole body (Weiyu's `data`). */
  data_path?: string;
  /** Where the time is (an ISO 8601 text). */
  time_path?: string;
  /** The event's source; the token's name by default. */
  source?: string;
}

/** Any JSON body as an event, read as the token's settings say. */
export function genericEvent(body: unknown, settings: GenericSettings, defaultSource: string): IngestEvent {
  const type = `${settings.type_prefix ?? ''}${settings.type ?? scalarAt(body, settings.type_path!, 'type_path')}`;
  if (!EVENT_TYPE_NAME.test(type)) {
    throw new IngestBodyError(
      settings.type ? 'type' : `body.${settings.type_path}`,
      `gives the type "${type.slice(0, 80)}", which is not 1 to 200 letters, digits or _ . : / -`,
    );
  }
  const id = settings.id_path === undefined ? undefined : scalarAt(body, settings.id_path, 'id_path');
  const time = settings.time_path === undefined ? undefined : valueAt(body, settings.time_path);
  const data = settings.data_path === undefined ? body : valueAt(body, settings.data_path);
  return {
    ...(id ? { id: id.slice(0, 200) } : {}),
    type,
    source: settings.source ?? defaultSource,
    ...(typeof time === 'string' && !Number.isNaN(Date.parse(time)) ? { time: new Date(time).toISOString() } : {}),
    data: data ?? {},
  };
}

function scalarAt(body: unknown, path: string, setting: string): string {
  const value = valueAt(body, path);
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  throw new IngestBodyError(`body.${path}`, `is missing or not a text (the token's ${setting})`);
}
