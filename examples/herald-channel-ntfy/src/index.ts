export { ntfyChannel, ntfyTopicMessage } from './ntfy.channel.js';
export {
  DAILY_QUOTA_RETRY_MS,
  REQUEST_REFILL_MS,
  describeNtfyError,
  interpretNtfyAnswer,
  type NtfyErrorBody,
  type NtfyPublished,
} from './ntfy.answer.js';
export { NTFY_PRIORITIES, NtfyTopicConfig, type NtfyPriority } from './ntfy.config.js';
export { encodeHeaderValue, ntfyRequestHeaders, priorityNumber, tagList } from './ntfy.headers.js';
export { MESSAGE_LIMIT_BYTES, TITLE_LIMIT_BYTES, TRUNCATION_MARKER, renderNtfyMessage, type NtfyMessage } from './ntfy.render.js';
export { DISALLOWED_TOPICS, TOPIC_NAME, topicUrlProblem } from './ntfy.topic.js';
export { ntfyChannel as default } from './ntfy.channel.js';
