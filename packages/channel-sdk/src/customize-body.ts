import type { ConfigIssue } from './config-schema.js';
import { DeliveryFailure } from './delivery-outcome.js';
import { type MessageContext, sampleMessageContext } from './message-context.js';
import { renderJsonTemplate } from './template.js';

/**
 * What a platform accepts as a `customize` body (a JSON template that is the whole request body):
 * the field naming the message type, the types it takes and, for each, the field that must then
 * hold a JSON object.
 */
export interface CustomizeBodyRules {
  /** The platform's name, for messages: "Feishu". */
  platform: string;
  /** What sends the body, for messages: "a custom bot". */
  sender: string;
  /** The field that names the message type: `msgtype`, `msg_type`. */
  typeField: string;
  /** Each type the platform takes, and the field that must hold an object for it (undefined: none checked). */
  types: Readonly<Record<string, string | undefined>>;
  /** A small valid template, shown in messages: `{"msgtype":"text","text":{"content":"${event.type}"}}`. */
  example: string;
  /** Applied to text values before JSON escaping, such as a platform's markup escape. */
  escapeText?: (value: string) => string;
}

/** A customize body rendered for one event, or why it is not one the platform can take. */
/** `text` is the rendering itself, to send as it is (a reparse would round 64-bit numbers). */
export type CustomizeBodyResult = { body: Record<string, unknown>; text: string } | { problem: string };

/**
 * Renders a customize template for one event as a JSON template (values JSON-escaped, objects and
 * arrays inserted whole) and checks it against the platform's rules. A problem reads after "the
 * template …".
 */
export function renderCustomizeTemplate(template: string, message: MessageContext, rules: CustomizeBodyRules): CustomizeBodyResult {
  const rendered = renderJsonTemplate(template, message, rules.escapeText);
  let body: unknown;
  try {
    body = JSON.parse(rendered);
  } catch (error) {
    return { problem: `must render to JSON, such as ${rules.example}; it renders invalid JSON: ${(error as Error).message}` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { problem: `must render to a JSON object, such as ${rules.example}` };
  const record = body as Record<string, unknown>;
  const type = record[rules.typeField];
  const types = Object.keys(rules.types);
  if (typeof type !== 'string') return { problem: `must render to a JSON object with a ${rules.typeField}, such as ${rules.example}` };
  if (!Object.hasOwn(rules.types, type)) {
    return { problem: `renders ${rules.typeField} "${type}", which ${rules.sender} cannot send (${types.join(', ')})` };
  }
  const carrier = rules.types[type];
  const part = carrier === undefined ? {} : record[carrier];
  if (typeof part !== 'object' || part === null || Array.isArray(part)) {
    return { problem: `must carry a "${carrier}" JSON object for ${rules.typeField} ${type} (an object, not a JSON-encoded string)` };
  }
  return { body: record, text: rendered };
}

/**
 * The save-time check of a customize template: present, and rendering (with a sample event) to a
 * body the platform takes. Issues name the field `template`.
 */
export function customizeTemplateIssues(template: string | undefined, rules: CustomizeBodyRules): ConfigIssue[] {
  if (!template) {
    return [
      {
        field: 'template',
        message: `template is required when msg_type is customize: it is the JSON body sent to ${rules.platform}, such as ${rules.example}`,
      },
    ];
  }
  const rendered = renderCustomizeTemplate(template, sampleMessageContext(), rules);
  return 'problem' in rendered ? [{ field: 'template', message: `template ${rendered.problem} (with a sample event)` }] : [];
}

/**
 * The send-time rendering of a customize template: the body object, or a permanent failure that
 * says why this event's rendering is not a body the platform takes.
 */
export function renderCustomizeBody(template: string, message: MessageContext, rules: CustomizeBodyRules): Record<string, unknown> {
  return renderCustomizeText(template, message, rules).body;
}

/** As `renderCustomizeBody`, with the rendered text beside the body, to send unchanged when nothing needs cutting. */
export function renderCustomizeText(
  template: string,
  message: MessageContext,
  rules: CustomizeBodyRules,
): { body: Record<string, unknown>; text: string } {
  const rendered = renderCustomizeTemplate(template, message, rules);
  if ('problem' in rendered) throw new DeliveryFailure(`the customize template ${rendered.problem} for event ${message.event.id}`, false);
  return rendered;
}
