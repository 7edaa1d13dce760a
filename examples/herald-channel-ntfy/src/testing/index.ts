export { FakeNtfy, type FakeNtfyOptions, type PublishedNtfyMessage } from './fake-ntfy.js';
export { ntfyAnswers } from './ntfy-answers.js';
export { PARAM_NAMES, decodeHeader, parsePriority, parseTags, readParam } from './ntfy-params.js';
export { TokenBucket } from './token-bucket.js';
