export { FAKE_ACCESS_TOKEN, FakeDingTalk, type AcceptedMessage, type FakeDingTalkOptions, type FakeRobot } from './fake-dingtalk.js';
export { antiAbuseAnswer, dingtalkAnswers } from './dingtalk-answers.js';
export {
  FakeDingTalkApp,
  type AcceptedWorkNotice,
  type FakeDingTalkAppOptions,
  type FakeDingTalkAppRoute,
} from './fake-dingtalk-app.js';
export { dingtalkAppAnswers } from './dingtalk-app-answers.js';
