export { interpretAnswer } from './dingtalk.answer.js';
export { dingdingGroupChatRobot, dingtalkChannel } from './dingtalk.channel.js';
export { DINGTALK_CUSTOMIZE_RULES, DingTalkRobotConfig, MSG_TYPES, type DingTalkMsgType } from './dingtalk.config.js';
export { MAX_BODY_BYTES, renderBody } from './dingtalk.render.js';
export { dingtalkSign, signedWebhookUrl } from './dingtalk.sign.js';
export { appTokenSource, dingtalkWorkNotice } from './dingtalk.work-notice.js';
export { readWorkNoticeAnswer, WORK_NOTICE_CODES } from './dingtalk.answer.js';
export { DingTalkWorkNoticeConfig } from './dingtalk.work-notice.config.js';
export { dingtalkChannel as default } from './dingtalk.channel.js';
