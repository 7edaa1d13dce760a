export { interpretAnswer } from './feishu.answer.js';
export { feishuChannel, feishuGroupChatRobot } from './feishu.channel.js';
export { FEISHU_CUSTOMIZE_RULES, FeishuBotConfig, MSG_TYPES, type FeishuMsgType } from './feishu.config.js';
export { MAX_BODY_BYTES, renderBody } from './feishu.render.js';
export { feishuSign, signatureFields } from './feishu.sign.js';
export { feishuAppMessage, tenantTokenSource } from './feishu.app-message.js';
export { FEISHU_APP_CODES, readFeishuAppAnswer } from './feishu.answer.js';
export { FeishuAppMessageConfig, RECEIVE_ID_TYPES, type ReceiveIdType } from './feishu.app-message.config.js';
export { feishuChannel as default } from './feishu.channel.js';
