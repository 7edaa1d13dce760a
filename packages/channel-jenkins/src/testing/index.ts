export {
  FakeJenkins,
  INVOKE_PATH,
  jenkinsRestarting,
  type FakeJenkinsOptions,
  type TokenSource,
  type TriggeredBuild,
} from './fake-jenkins.js';
