export { interpretSlackAnswer } from './slack.answer.js';
export { slackChannel, slackIncomingWebhook } from './slack.channel.js';
export { SLACK_MESSAGE_TYPES, SlackIncomingWebhookConfig, type SlackMessageType } from './slack.config.js';
export { escapeMrkdwn, truncateMrkdwn } from './slack.escape.js';
export { SLACK_LIMITS, type SlackBlock, type SlackMessage, type TextObject } from './slack.message.js';
export { renderSlackBody } from './slack.render.js';
export { slackChannel as default } from './slack.channel.js';
