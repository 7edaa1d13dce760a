export { dingdingGroupChatRobot, dingtalkChannel, interpretAnswer } from './dingtalk.channel.js';
export { DingTalkRobotConfig, MSG_TYPES, type DingTalkMsgType } from './dingtalk.config.js';
export { MAX_BODY_BYTES, renderBody } from './dingtalk.render.js';
export { dingtalkSign, signedWebhookUrl } from './dingtalk.sign.js';
export { dingtalkChannel as default } from './dingtalk.channel.js';
