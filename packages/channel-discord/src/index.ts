export { interpretDiscordAnswer } from './discord.answer.js';
export { discordChannel, discordWebhook, executeWebhookUrl } from './discord.channel.js';
export { DISCORD_MESSAGE_TYPES, DiscordWebhookConfig, type DiscordMessageType } from './discord.config.js';
export { describeDiscordError, type DiscordErrorBody } from './discord.errors.js';
export { TRUNCATION_MARKER, codePointLength, fitDiscordMessage, truncateCodePoints } from './discord.limits.js';
export {
  DISCORD_LIMITS,
  NO_MENTIONS,
  type DiscordAllowedMentions,
  type DiscordEmbed,
  type DiscordEmbedField,
  type DiscordMessage,
} from './discord.message.js';
export { escapeMarkdown, renderDiscordMessage, type RenderResult } from './discord.render.js';
export { discordChannel as default } from './discord.channel.js';
