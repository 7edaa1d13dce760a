export { FakeServer, SlidingWindow, type FakeAnswer, type FakeHandler, type ReceivedRequest } from './fake-server.js';
