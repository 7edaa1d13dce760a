/** The event as Herald stores it and hands it to channels. */
export interface HeraldEvent {
  id: string;
  type: string;
  source: string;
  time: string;
  subject?: string;
  data: unknown;
}

/** What a template can read: `${event.type}`, `${data.field}`, `${project.name}`, `${subscription.name}`. */
export interface MessageContext {
  event: HeraldEvent;
  data: unknown;
  project: { id: string; key: string; name: string };
  subscription: { id: string; name: string };
}

export interface MessageInput {
  id?: string;
  type: string;
  source?: string;
  time?: string | Date;
  subject?: string;
  data?: unknown;
}

/** Builds a message context for a standalone send, filling what a script leaves out. */
export function createMessageContext(
  input: MessageInput,
  scope: { project?: Partial<MessageContext['project']>; subscription?: Partial<MessageContext['subscription']> } = {},
): MessageContext {
  const time = input.time instanceof Date ? input.time.toISOString() : (input.time ?? new Date().toISOString());
  const event: HeraldEvent = {
    id: input.id ?? `evt_local_${Date.now().toString(36)}`,
    type: input.type,
    source: input.source ?? 'local',
    time,
    ...(input.subject === undefined ? {} : { subject: input.subject }),
    data: input.data ?? {},
  };
  return {
    event,
    data: event.data,
    project: { id: 'local', key: 'local', name: 'local', ...scope.project },
    subscription: { id: 'local', name: 'local', ...scope.subscription },
  };
}

/** A sample used to check templates at save time and by "send a test message". */
export function sampleMessageContext(project?: MessageContext['project'], subscription?: MessageContext['subscription']): MessageContext {
  return createMessageContext(
    {
      id: 'evt_sample',
      type: 'herald.test',
      source: 'herald',
      time: new Date().toISOString(),
      subject: 'Test message',
      data: { message: 'This is a test message from Herald.', status: 'ok', count: 1 },
    },
    { project, subscription },
  );
}
