import type { MessageContext } from './message-context.js';

/** The parts of an event that a default rendering shows: a title, a few fields, the time. */
export interface EventSummary {
  title: string;
  subject?: string;
  source: string;
  time: string;
  fields: Array<{ name: string; value: string }>;
}

export function summarizeEvent(message: MessageContext, maxFields = 10, maxValueChars = 300): EventSummary {
  const { event } = message;
  return {
    title: event.subject ? `${event.type}: ${event.subject}` : event.type,
    ...(event.subject === undefined ? {} : { subject: event.subject }),
    source: event.source,
    time: event.time,
    fields: dataFields(event.data)
      .slice(0, maxFields)
      .map(({ name, value }) => ({ name, value: value.length > maxValueChars ? `${value.slice(0, maxValueChars)}…` : value })),
  };
}

function dataFields(data: unknown): Array<{ name: string; value: string }> {
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) return [{ name: 'data', value: display(data) }];
  return Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => ({ name, value: display(value) }));
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
