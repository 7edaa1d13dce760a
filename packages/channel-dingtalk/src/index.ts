export { interpretAnswer } from './dingtalk.answer.js';
export { dingdingGroupChatRobot, dingtalkChannel } from './dingtalk.channel.js';
export { DINGTALK_CUSTOMIZE_RULES, DingTalkRobotConfig, MSG_TYPES, type DingTalkMsgType } from './dingtalk.config.js';
export { MAX_BODY_BYTES, renderBody } from './dingtalk.render.js';
export { dingtalkSign, signedWebhookUrl } from './dingtalk.sign.js';
export { dingtalkChannel as default } from './dingtalk.channel.js';
