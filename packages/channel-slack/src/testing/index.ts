export { FakeSlack, type AcceptedSlackMessage, type FakeSlackOptions } from './fake-slack.js';
export { bodyRefusal, type BodyRefusal } from './slack-body-rules.js';
export { SLACK_ERROR_STATUS, type SlackErrorName } from './slack-errors.js';
