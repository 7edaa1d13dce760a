export { FakeWebhookReceiver, standardWebhookProblem } from './fake-webhook-receiver.js';
