export { feishuChannel, feishuGroupChatRobot, interpretAnswer } from './feishu.channel.js';
export { FeishuBotConfig, MSG_TYPES, type FeishuMsgType } from './feishu.config.js';
export { MAX_BODY_BYTES, renderBody } from './feishu.render.js';
export { feishuSign, signatureFields } from './feishu.sign.js';
export { feishuChannel as default } from './feishu.channel.js';
