export { discordAnswers, type ErrorTree } from './discord-answers.js';
export { discordBodyErrors, errorTree, isEmptyMessage, type FieldError } from './discord-body-rules.js';
export { FakeDiscord, type FakeDiscordOptions, type PostedMessage } from './fake-discord.js';
