export { jenkinsChannel, jenkinsGenericBuildJob } from './jenkins.channel.js';
export { interpretInvokeAnswer } from './jenkins.answer.js';
export { checkBuildJobConfig, JenkinsBuildJobConfig } from './jenkins.config.js';
export { buildInvokeRequest, eventEnvelope, invokeUrl, renderBuildBody } from './jenkins.render.js';
export { jenkinsChannel as default } from './jenkins.channel.js';
