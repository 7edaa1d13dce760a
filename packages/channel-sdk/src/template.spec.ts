import { describe, expect, it } from '@jest/globals';
import { jsonStringEscape, parseTemplate, renderTemplate, templateSyntaxProblem } from './template.js';

const context = {
  event: { type: 'ticket.created', id: 'evt_1' },
  data: { message_content: '打印机着火了', items: [{ name: 'first' }], nested: { a: 1 }, zero: 0, nothing: null },
  project: { name: 'Demo' },
};

describe('renderTemplate', () => {
  it.each([
    ['测试模板 ${project.name}', '测试模板 Demo'],
    ['新留言 ${data.message_content} (${project.name})', '新留言 打印机着火了 (Demo)'],
    ['${data.items[0].name}', 'first'],
    ['${data.nested}', '{"a":1}'],
    ['${data.zero}|${data.nothing}|${data.missing.deeper}', '0||'],
    ['${ event.type }', 'ticket.created'],
    ['price: $5 and \\${literal}', 'price: $5 and ${literal}'],
    ['${data.toString}${data.hasOwnProperty}', ''],
  ])('renders %j as %j', (template, expected) => {
    expect(renderTemplate(template, context)).toBe(expected);
  });

  it('escapes values, not the template, when asked', () => {
    expect(renderTemplate('{"text":"${data.quote}"}', { data: { quote: 'say "hi"\n' } }, jsonStringEscape)).toBe(
      '{"text":"say \\"hi\\"\\n"}',
    );
  });

  it('renders a template with a syntax error as its text rather than throwing at send time', () => {
    expect(renderTemplate('broken ${data', context)).toBe('broken ${data');
  });
});

describe('templateSyntaxProblem', () => {
  it.each([
    ['a ${data.x', 'unclosed "${" at position 2'],
    ['${}', 'empty placeholder at position 0'],
    ["${constructor.constructor('return process')()}", 'is not a path like ${data.field}'],
    ['${data.__proto__.polluted}', 'is not a path like'],
    ['${data.a b}', 'is not a path like'],
  ])('reports %j', (template, problem) => {
    expect(templateSyntaxProblem(template)).toContain(problem);
  });

  it('accepts well-formed templates', () => {
    expect(templateSyntaxProblem('${data.items[2].name} ${event.type}')).toBeUndefined();
    expect(parseTemplate('plain text').render({})).toBe('plain text');
  });
});
