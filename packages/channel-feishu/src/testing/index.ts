export { FAKE_HOOK_TOKEN, FakeFeishu, type AcceptedMessage, type FakeBot, type FakeFeishuOptions } from './fake-feishu.js';
export { feishuAnswers } from './feishu-answers.js';
