import type { MessageContext } from './message-context.js';
import { renderJsonTemplate } from './template.js';

/**
 * Renders a `customize` template (a JSON body with `${path}` placeholders) as a JSON template:
 * values are JSON-escaped and objects inserted whole, so event data cannot change the body's
 * shape; `escapeText` is applied to text values first. A problem reads after "the template …".
 */
export function renderJsonObject(
  template: string,
  message: MessageContext,
  escapeText?: (value: string) => string,
): { body: Record<string, unknown> } | { problem: string } {
  const rendered = renderJsonTemplate(template, message, escapeText);
  let body: unknown;
  try {
    body = JSON.parse(rendered);
  } catch (error) {
    return { problem: `must render to valid JSON: ${(error as Error).message}` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'must render to a JSON object' };
  return { body: body as Record<string, unknown> };
}

/**
 * Serializes the body `build(text)` makes, cutting `text` (and only it) to the longest start whose
 * serialized body fits `maxBytes`. JSON escapes make bytes on the wire differ from bytes of text,
 * so it measures the body itself, halving the search each round; cuts fall between code points.
 */
export function fitJsonBody(text: string, build: (text: string) => object, maxBytes: number, marker = '…'): string {
  const serialize = (content: string) => JSON.stringify(build(content));
  const fits = (content: string) => Buffer.byteLength(serialize(content)) <= maxBytes;
  if (fits(text)) return serialize(text);
  const characters = Array.from(text);
  const cut = (length: number) => characters.slice(0, length).join('') + marker;
  let low = 0;
  let high = characters.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(cut(middle))) low = middle;
    else high = middle - 1;
  }
  return serialize(cut(low));
}
