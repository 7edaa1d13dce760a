export { describeChannelConformance, type ActionConformanceCase, type ConformanceOptions } from './conformance.js';
export { jsonAnswer, scriptedTransport, textAnswer, type ScriptedAnswer, type ScriptedTransport } from './scripted-transport.js';
