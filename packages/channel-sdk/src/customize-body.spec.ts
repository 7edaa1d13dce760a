import { describe, expect, it } from '@jest/globals';
import { customizeTemplateIssues, renderCustomizeBody, type CustomizeBodyRules } from './customize-body.js';
import { DeliveryFailure } from './delivery-outcome.js';
import { createMessageContext } from './message-context.js';

const rules: CustomizeBodyRules = {
  platform: 'DingTalk',
  sender: 'a robot webhook',
  typeField: 'msgtype',
  types: { text: 'text', markdown: 'markdown', feedCard: undefined },
  example: '{"msgtype":"text","text":{"content":"${event.type}"}}',
};
const message = createMessageContext({ id: 'evt_1', type: 'build.failed', data: { title: 'a "quoted"\ntitle', tags: ['x', 'y'] } });

describe('customizeTemplateIssues', () => {
  it.each([
    [undefined, 'template is required when msg_type is customize: it is the JSON body sent to DingTalk'],
    ['not json', 'template must render to JSON, such as {"msgtype"'],
    ['[1]', 'template must render to a JSON object'],
    ['{"text":{}}', 'template must render to a JSON object with a msgtype'],
    ['{"msgtype":"image","image":{}}', 'renders msgtype "image", which a robot webhook cannot send (text, markdown, feedCard)'],
    [
      '{"msgtype":"text","text":"${event.type}"}',
      'must carry a "text" JSON object for msgtype text (an object, not a JSON-encoded string)',
    ],
  ])('refuses %j: %s', (template, message) => {
    const issues = customizeTemplateIssues(template, rules);
    expect(issues).toEqual([{ field: 'template', message: expect.stringContaining(message) }]);
  });

  it('accepts a body of a type the platform takes, and one whose type needs no object checked', () => {
    expect(customizeTemplateIssues('{"msgtype":"text","text":{"content":"${event.type}"}}', rules)).toEqual([]);
    expect(customizeTemplateIssues('{"msgtype":"feedCard","feedCard":{"links":[]}}', rules)).toEqual([]);
  });
});

describe('renderCustomizeBody', () => {
  it('keeps the body valid JSON whatever the event holds: strings escaped, arrays whole', () => {
    const body = renderCustomizeBody('{"msgtype":"text","text":{"content":"${data.title}"},"tags":${data.tags}}', message, rules);
    expect(body).toEqual({ msgtype: 'text', text: { content: 'a "quoted"\ntitle' }, tags: ['x', 'y'] });
  });

  it('fails for good, naming the event, when this event renders a body the platform cannot take', () => {
    const render = () => renderCustomizeBody('{"msgtype":"${data.title}","text":{}}', message, rules);
    expect(render).toThrow(DeliveryFailure);
    expect(render).toThrow(/renders msgtype "a "quoted"\ntitle", which a robot webhook cannot send .*for event evt_1/s);
  });
});
