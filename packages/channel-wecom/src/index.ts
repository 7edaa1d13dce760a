export { classifyWeComAnswer } from './wecom.answer.js';
export { wecomAppMessage, wecomChannel, wecomGroupChatRobot } from './wecom.channel.js';
export { ROBOT_CUSTOMIZE_RULES, WeComAppConfig, WeComRobotConfig } from './wecom.config.js';
export { wecomChannel as default } from './wecom.channel.js';
