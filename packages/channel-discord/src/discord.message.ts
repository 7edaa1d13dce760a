/** The parts of Discord's Execute Webhook body that Herald writes, and Discord's documented limits. */

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface DiscordEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  fields?: DiscordEmbedField[];
  footer?: { text: string; icon_url?: string };
  author?: { name: string; url?: string; icon_url?: string };
  [other: string]: unknown;
}

export interface DiscordAllowedMentions {
  parse?: Array<'roles' | 'users' | 'everyone'>;
  roles?: string[];
  users?: string[];
  replied_user?: boolean;
}

export interface DiscordMessage {
  content?: string;
  embeds?: DiscordEmbed[];
  username?: string;
  avatar_url?: string;
  allowed_mentions?: DiscordAllowedMentions;
  [other: string]: unknown;
}

/**
 * Discord counts characters as Unicode code points (its API is Python 3; confirmed by Discord
 * staff in discord-api-docs#1315), so an emoji outside the BMP is one character, not two.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** The sum of every title, description, field name and value, footer text and author name. */
  embedsTotal: 6000,
  username: 80,
} as const;

/** Nothing in an event may ping anyone: no @everyone, @here, roles or users. */
export const NO_MENTIONS: DiscordAllowedMentions = { parse: [] };
