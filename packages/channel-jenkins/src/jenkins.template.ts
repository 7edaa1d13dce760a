import { eventEnvelope, looksLikeJsonTemplate, renderJsonTemplate, renderTemplate, type MessageContext } from '@herald/channel-sdk';

/** Where the rendering of a text (not JSON) template goes: a field of the event envelope. */
export const TEXT_TEMPLATE_FIELD = 'message';

/**
 * A template rendered over the message: its exact text and parsed object, or why it is not a JSON
 * object. A template that starts with `{` or `[` is a JSON template (values JSON-escaped inside
 * strings, inserted whole as JSON outside them); any other template is text (as in CODING's
 * `测试模板 ${project.name}`), sent as the envelope's `message` field.
 */
export function renderTemplateObject(
  template: string,
  message: MessageContext,
): { text: string; value: Record<string, unknown> } | { problem: string } {
  if (!looksLikeJsonTemplate(template)) {
    const value = { ...eventEnvelope(message), [TEXT_TEMPLATE_FIELD]: renderTemplate(template, message) };
    return { text: JSON.stringify(value), value };
  }
  const text = renderJsonTemplate(template, message).trim();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `renders to invalid JSON (${(error as Error).message})` };
  }
  if (!isJsonObject(value)) return { problem: 'must render to a JSON object, such as {"ref":"${data.ref}"}' };
  return { text, value };
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
