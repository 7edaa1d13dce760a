export {
  FakeWeCom,
  type AcceptedAppMessage,
  type AcceptedRobotMessage,
  type FakeWeComApp,
  type FakeWeComOptions,
  type FakeWeComRoute,
} from './fake-wecom.js';
export { WECOM_ANSWERS, appBodyProblem, robotBodyProblem, type WeComErrorBody } from './fake-wecom.checks.js';
