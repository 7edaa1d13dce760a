import { DISCORD_LIMITS as LIMITS, type DiscordEmbed, type DiscordEmbedField, type DiscordMessage } from './discord.message.js';

/** Ends every text Herald had to cut, so a reader sees that something is missing. */
export const TRUNCATION_MARKER = '…';

/** Discord's notion of length: Unicode code points. */
export function codePointLength(text: string): number {
  return [...text].length;
}

/** Cuts `text` to at most `maxCodePoints`, ending in the marker; never splits a character. */
export function truncateCodePoints(text: string, maxCodePoints: number): string {
  const characters = [...text];
  if (characters.length <= maxCodePoints) return text;
  if (maxCodePoints < 1) return '';
  return characters.slice(0, maxCodePoints - 1).join('') + TRUNCATION_MARKER;
}

/**
 * The message cut to fit every content and embed limit, so Discord never refuses it for size.
 * Only string values are touched; anything else in a customize body is left for Discord to judge.
 */
export function fitDiscordMessage(message: DiscordMessage): DiscordMessage {
  const fitted: DiscordMessage = { ...message };
  if (typeof message.content === 'string') fitted.content = truncateCodePoints(message.content, LIMITS.content);
  if (Array.isArray(message.embeds)) {
    const embeds = message.embeds.slice(0, LIMITS.embeds).map((embed) => (isObject(embed) ? fitEmbed(embed) : embed));
    fitted.embeds = embedsLength(embeds) > LIMITS.embedsTotal ? shareTotal(embeds) : embeds;
  }
  return fitted;
}

/** Each part of one embed within its own limit; at most 25 fields, none blank. */
function fitEmbed(embed: DiscordEmbed): DiscordEmbed {
  const fitted: DiscordEmbed = { ...embed };
  if (typeof embed.title === 'string') fitted.title = truncateCodePoints(embed.title, LIMITS.embedTitle);
  if (typeof embed.description === 'string') fitted.description = truncateCodePoints(embed.description, LIMITS.embedDescription);
  if (isObject(embed.footer) && typeof embed.footer.text === 'string') {
    fitted.footer = { ...embed.footer, text: truncateCodePoints(embed.footer.text, LIMITS.footerText) };
  }
  if (isObject(embed.author) && typeof embed.author.name === 'string') {
    fitted.author = { ...embed.author, name: truncateCodePoints(embed.author.name, LIMITS.authorName) };
  }
  if (Array.isArray(embed.fields)) {
    fitted.fields = embed.fields
      .slice(0, LIMITS.embedFields)
      .map((field) =>
        isObject(field)
          ? { ...field, name: fieldText(field.name, LIMITS.fieldName), value: fieldText(field.value, LIMITS.fieldValue) }
          : field,
      );
  }
  return fitted;
}

/** Discord refuses an empty field name or value; a zero-width space is its accepted "blank". */
function fieldText(text: unknown, limit: number): string {
  if (typeof text !== 'string') return text as string;
  return text.trim() === '' ? '\u200b' : truncateCodePoints(text, limit);
}

/**
 * Cuts embeds to 6000 characters in all. Titles, authors and footers are kept first, then
 * descriptions, then fields in order; a field with no room left for its name is dropped with
 * every field after it, and an embed left with nothing to show is dropped.
 */
function shareTotal(embeds: DiscordEmbed[]): DiscordEmbed[] {
  const budget = new TextBudget(LIMITS.embedsTotal);
  const headed = embeds.map((embed) => {
    const fitted: DiscordEmbed = { ...embed };
    if (typeof embed.title === 'string') fitted.title = budget.take(embed.title);
    if (typeof embed.author?.name === 'string') fitted.author = { ...embed.author, name: budget.take(embed.author.name) };
    if (typeof embed.footer?.text === 'string') fitted.footer = { ...embed.footer, text: budget.take(embed.footer.text) };
    return fitted;
  });
  for (const embed of headed) if (typeof embed.description === 'string') embed.description = budget.take(embed.description);
  for (const embed of headed) if (Array.isArray(embed.fields)) embed.fields = takeFields(embed.fields, budget);
  return headed.map(dropEmptyParts).filter(hasSomethingToShow);
}

class TextBudget {
  constructor(public left: number) {}

  take(text: string): string {
    const kept = truncateCodePoints(text, this.left);
    this.left -= codePointLength(kept);
    return kept;
  }
}

function takeFields(fields: DiscordEmbedField[], budget: TextBudget): DiscordEmbedField[] {
  const kept: DiscordEmbedField[] = [];
  for (const field of fields) {
    if (!isObject(field) || typeof field.name !== 'string' || typeof field.value !== 'string') {
      kept.push(field);
    } else if (budget.left > codePointLength(field.name)) {
      kept.push({ ...field, name: budget.take(field.name), value: budget.take(field.value) });
    } else {
      break;
    }
  }
  return kept;
}

function dropEmptyParts(embed: DiscordEmbed): DiscordEmbed {
  const { title, description, author, footer, fields, ...rest } = embed;
  return {
    ...rest,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(author?.name ? { author } : {}),
    ...(fields?.length ? { fields } : {}),
    ...(footer?.text ? { footer } : {}),
  };
}

function hasSomethingToShow(embed: DiscordEmbed): boolean {
  return ['title', 'description', 'author', 'fields', 'footer', 'image', 'thumbnail'].some((part) => part in embed);
}

/** The characters Discord counts toward the 6000 limit across all embeds. */
export function embedsLength(embeds: readonly unknown[]): number {
  const texts = embeds
    .filter(isObject)
    .flatMap((embed: DiscordEmbed) => [
      embed.title,
      embed.description,
      embed.author?.name,
      embed.footer?.text,
      ...(Array.isArray(embed.fields) ? embed.fields.flatMap((field) => (isObject(field) ? [field.name, field.value] : [])) : []),
    ]);
  return texts.reduce((sum: number, text) => sum + (typeof text === 'string' ? codePointLength(text) : 0), 0);
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
