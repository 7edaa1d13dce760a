import { MESSAGE_BLOCK_TYPES, SLACK_LIMITS, type SlackBlock, type TextObject } from '../slack.message.js';
import type { SlackErrorName } from './slack-errors.js';

const MAX_ATTACHMENTS = 100;

/** What Slack would refuse in a body, as its error name and a note for the test author. */
export interface BodyRefusal {
  error: SlackErrorName;
  detail: string;
}

/**
 * Checks a webhook body as Slack does: JSON object, text or blocks (or attachments), at most 100
 * attachments, and Block Kit rules for the blocks Herald renders. Stricter than Slack in one
 * place: text over 40 000 characters is refused, where Slack would cut it silently.
 */
export function bodyRefusal(contentType: string | undefined, raw: string): BodyRefusal | undefined {
  if (!/^application\/json\b/i.test(contentType ?? '')) return { error: 'invalid_payload', detail: `content-type ${contentType}` };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { error: 'invalid_payload', detail: 'the body is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'invalid_payload', detail: 'not an object' };
  const { text, blocks, attachments } = body;
  if (text !== undefined && typeof text !== 'string') return { error: 'invalid_payload', detail: 'text is not a string' };
  if (!text && !(Array.isArray(blocks) && blocks.length > 0) && !(Array.isArray(attachments) && attachments.length > 0)) {
    return { error: 'no_text', detail: 'neither text, blocks nor attachments' };
  }
  if (Array.isArray(attachments) && attachments.length > MAX_ATTACHMENTS)
    return { error: 'too_many_attachments', detail: `${attachments.length}` };
  if (typeof text === 'string' && text.length > SLACK_LIMITS.text)
    return { error: 'invalid_payload', detail: `text has ${text.length} characters` };
  if (blocks === undefined) return undefined;
  const problem = blocksProblem(blocks);
  return problem ? { error: 'invalid_blocks', detail: problem } : undefined;
}

function blocksProblem(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return 'blocks is not an array';
  if (blocks.length > SLACK_LIMITS.blocks) return `${blocks.length} blocks, at most ${SLACK_LIMITS.blocks}`;
  for (const [index, block] of (blocks as SlackBlock[]).entries()) {
    const problem = blockProblem(block);
    if (problem) return `blocks[${index}]: ${problem}`;
  }
  return undefined;
}

function blockProblem(block: SlackBlock): string | undefined {
  if (typeof block !== 'object' || block === null || !MESSAGE_BLOCK_TYPES.has(block.type))
    return `unknown block type ${JSON.stringify(block?.type)}`;
  if (block.type === 'header') return textProblem(block.text, SLACK_LIMITS.headerText, ['plain_text']);
  if (block.type === 'context') {
    const count = Array.isArray(block.elements) ? block.elements.length : 0;
    return count >= 1 && count <= SLACK_LIMITS.contextElements ? undefined : `context needs 1 to ${SLACK_LIMITS.contextElements} elements`;
  }
  if (block.type !== 'section') return undefined;
  if (block.text === undefined && block.fields === undefined) return 'section needs text or fields';
  if (block.text !== undefined) return textProblem(block.text, SLACK_LIMITS.sectionText, ['plain_text', 'mrkdwn']);
  if (!Array.isArray(block.fields) || block.fields.length === 0 || block.fields.length > SLACK_LIMITS.sectionFields) {
    return `section needs 1 to ${SLACK_LIMITS.sectionFields} fields`;
  }
  return block.fields.map((field) => textProblem(field, SLACK_LIMITS.fieldText, ['plain_text', 'mrkdwn'])).find(Boolean);
}

function textProblem(object: TextObject | undefined, maxChars: number, types: string[]): string | undefined {
  if (!object || !types.includes(object.type)) return `a text object of type ${types.join(' or ')} is required`;
  if (typeof object.text !== 'string' || object.text.length === 0) return 'text is empty';
  if (object.text.length > maxChars) return `text has ${object.text.length} characters, at most ${maxChars}`;
  return undefined;
}
