export { FAKE_HOOK_TOKEN, FakeFeishu, type AcceptedMessage, type FakeBot, type FakeFeishuOptions } from './fake-feishu.js';
export { feishuAnswers } from './feishu-answers.js';
export {
  FakeFeishuApp,
  type AcceptedAppMessage,
  type FakeFeishuAppOptions,
  type FakeFeishuAppRoute,
  type FakeFeishuUser,
} from './fake-feishu-app.js';
export { feishuAppAnswers } from './feishu-app-answers.js';
