export { wecomAppMessage, wecomChannel, wecomGroupChatRobot } from './wecom.channel.js';
export { WeComAppConfig, WeComRobotConfig } from './wecom.config.js';
export { classifyWeComAnswer } from './wecom.answer.js';
export { wecomImagePayload } from './wecom.sign.js';
export { wecomChannel as default } from './wecom.channel.js';
