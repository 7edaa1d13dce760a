export { FAKE_ACCESS_TOKEN, FakeDingTalk, type AcceptedMessage, type FakeDingTalkOptions, type FakeRobot } from './fake-dingtalk.js';
export { antiAbuseAnswer, dingtalkAnswers } from './dingtalk-answers.js';
