export { httpChannel, webhookHttpGet, webhookHttpPost } from './http.channel.js';
export { HttpWebhookConfig } from './http.config.js';
export { heraldSignature, standardWebhookSignature } from './http.sign.js';
export { httpChannel as default } from './http.channel.js';
