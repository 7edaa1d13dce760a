export {
  FakeServer,
  SlidingWindow,
  type FakeAnswer,
  type FakeHandler,
  type ReceivedRequest,
  type ScriptedFakeAnswer,
} from './fake-server.js';
