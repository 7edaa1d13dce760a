import { truncateChars } from '@herald/channel-sdk';
import { truncateMrkdwn } from './slack.escape.js';

/** Slack's message limits, in characters (PROTOCOL.md: Facts, and the Block Kit reference). */
export const SLACK_LIMITS = {
  /** Slack silently cuts `text` after this; Herald cuts first, with a marker. */
  text: 40_000,
  blocks: 50,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
} as const;

/** Block types Slack accepts in a message. */
export const MESSAGE_BLOCK_TYPES = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

export interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  [option: string]: unknown;
}

export interface SlackBlock {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: unknown[];
  [property: string]: unknown;
}

export interface SlackMessage {
  text?: string;
  blocks?: SlackBlock[];
  [property: string]: unknown;
}

/** Cuts what Slack would refuse or cut (text, blocks, section and header text, fields) to fit, with a marker. */
export function fitToLimits(message: SlackMessage): SlackMessage {
  const fitted: SlackMessage = { ...message };
  if (typeof message.text === 'string') fitted.text = truncateMrkdwn(message.text, SLACK_LIMITS.text);
  if (Array.isArray(message.blocks)) fitted.blocks = message.blocks.slice(0, SLACK_LIMITS.blocks).map(fitBlock);
  return fitted;
}

function fitBlock(block: SlackBlock): SlackBlock {
  if (typeof block !== 'object' || block === null) return block;
  if (block.type === 'header') return { ...block, ...(block.text ? { text: fitText(block.text, SLACK_LIMITS.headerText) } : {}) };
  if (block.type === 'context' && Array.isArray(block.elements))
    return { ...block, elements: block.elements.slice(0, SLACK_LIMITS.contextElements) };
  if (block.type !== 'section') return block;
  const fitted: SlackBlock = { ...block };
  if (block.text) fitted.text = fitText(block.text, SLACK_LIMITS.sectionText);
  if (Array.isArray(block.fields)) {
    fitted.fields = block.fields.slice(0, SLACK_LIMITS.sectionFields).map((field) => fitText(field, SLACK_LIMITS.fieldText));
  }
  return fitted;
}

function fitText(object: TextObject, maxChars: number): TextObject {
  if (typeof object?.text !== 'string') return object;
  const text = object.type === 'mrkdwn' ? truncateMrkdwn(object.text, maxChars) : truncateChars(object.text, maxChars);
  return { ...object, text };
}

/** Why a parsed body is not a message Slack takes (text or blocks, known block types), or undefined. */
export function messageShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be a JSON object';
  const { text, blocks } = value as SlackMessage;
  if (text !== undefined && typeof text !== 'string') return 'text must be a string';
  if (blocks !== undefined && !Array.isArray(blocks)) return 'blocks must be an array';
  if (!text && !blocks?.length) return 'must have a non-empty "text" or "blocks"';
  const unknown = (blocks ?? []).find((block) => !MESSAGE_BLOCK_TYPES.has((block as SlackBlock | null)?.type ?? ''));
  if (unknown !== undefined) return `has a block of unknown type ${JSON.stringify((unknown as SlackBlock | null)?.type)}`;
  return undefined;
}
