export { interpretWebhookAnswer } from './http.answer.js';
export { httpChannel, webhookHttpGet, webhookHttpPost } from './http.channel.js';
export { ENVELOPE_NAMES, HttpWebhookConfig } from './http.config.js';
export { cloudEvent, feishuProjectEnvelope, renderEnvelope, weiyuEnvelope } from './http.envelope.js';
export { heraldSignature, standardWebhookSignature } from './http.sign.js';
export { httpChannel as default } from './http.channel.js';
