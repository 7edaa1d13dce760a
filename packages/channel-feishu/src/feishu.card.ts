import { truncateChars, type EventSummary } from '@herald/channel-sdk';
import { escapeLarkMd, footerLine } from './feishu.format.js';
import { cardMentions } from './feishu.mentions.js';

/** Our own bound for titles in card headers and post titles; Feishu documents none. */
export const MAX_TITLE_CHARS = 100;

/** The header colour (a Feishu card template name) that suits the event type. */
export function headerColour(eventType: string): string {
  if (/fail|error|down|critical|fatal|crash|alert|incident/i.test(eventType)) return 'red';
  if (/warn|degraded|slow|retry/i.test(eventType)) return 'orange';
  if (/succe|pass|resolved|recovered|\bup\b|done|complete|finished|deployed/i.test(eventType)) return 'green';
  return 'blue';
}

/** The key fields as lark_md lines: `**name**: value`, values on one line and shown as text. */
export function defaultCardMarkdown(summary: EventSummary): string {
  return summary.fields
    .map((field) => `**${escapeLarkMd(field.name)}**: ${escapeLarkMd(field.value.replace(/\s*\n\s*/g, ' '))}`)
    .join('\n');
}

/**
 * A card 1.0 body: the title and colour in the header, the markdown in a lark_md block, the
 * mentions in their own block, and (for the default rendering) the time and source in a note.
 */
export function cardBody(card: {
  summary: EventSummary;
  eventType: string;
  markdown: string;
  mentionIds: string[];
  withFooter: boolean;
}): Record<string, unknown> {
  const { summary, markdown, mentionIds } = card;
  const elements: object[] = [];
  if (markdown !== '') elements.push(larkMdBlock(markdown));
  if (mentionIds.length > 0) elements.push(larkMdBlock(cardMentions(mentionIds)));
  if (card.withFooter) elements.push({ tag: 'note', elements: [{ tag: 'plain_text', content: footerLine(summary) }] });
  return {
    config: { wide_screen_mode: true },
    header: {
      title: { tag: 'plain_text', content: truncateChars(summary.title, MAX_TITLE_CHARS) },
      template: headerColour(card.eventType),
    },
    elements,
  };
}

function larkMdBlock(content: string): object {
  return { tag: 'div', text: { tag: 'lark_md', content } };
}
