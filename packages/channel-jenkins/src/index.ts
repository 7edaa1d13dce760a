export { interpretInvokeAnswer } from './jenkins.answer.js';
export { jenkinsChannel, jenkinsGenericBuildJob } from './jenkins.channel.js';
export { checkBuildJobConfig, JenkinsBuildJobConfig } from './jenkins.config.js';
export { buildInvokeRequest, invokeUrl, renderBuildBody } from './jenkins.render.js';
export { renderTemplateObject, TEXT_TEMPLATE_FIELD } from './jenkins.template.js';
export { jenkinsChannel as default } from './jenkins.channel.js';
