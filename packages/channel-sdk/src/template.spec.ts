import { describe, expect, it } from '@jest/globals';
import { jsonStringEscape, parseTemplate, renderJsonTemplate, renderTemplate, templateSyntaxProblem } from './template.js';

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

describe('renderJsonTemplate', () => {
  const message = {
    event: { type: 'build.failed' },
    data: { title: 'say "hi"\nnow \\ done', labels: ['a', 'b"c'], detail: { n: 1, s: 'x"y' }, count: 3, flag: false },
  };

  it('escapes a value inside a string, so a quote or a newline keeps the JSON valid', () => {
    const rendered = renderJsonTemplate('{"text":"${event.type}: ${data.title}"}', message);
    expect(JSON.parse(rendered)).toEqual({ text: 'build.failed: say "hi"\nnow \\ done' });
  });

  it('inserts objects, arrays, numbers and booleans whole outside a string', () => {
    const rendered = renderJsonTemplate('{"labels":${data.labels},"detail":${data.detail},"n":${data.count},"f":${data.flag}}', message);
    expect(JSON.parse(rendered)).toEqual({ labels: ['a', 'b"c'], detail: { n: 1, s: 'x"y' }, n: 3, f: false });
  });

  it('quotes a text value outside a string and renders a missing one as null', () => {
    expect(JSON.parse(renderJsonTemplate('{"t":${data.title},"m":${data.missing}}', message))).toEqual({
      t: 'say "hi"\nnow \\ done',
      m: null,
    });
  });

  it('renders an object inside a string as its JSON text, escaped', () => {
    expect(JSON.parse(renderJsonTemplate('{"text":"detail ${data.detail}"}', message))).toEqual({ text: 'detail {"n":1,"s":"x\\"y"}' });
  });

  it('tells string contexts apart across escaped quotes in the template', () => {
    expect(JSON.parse(renderJsonTemplate('{"a":"say \\"${data.count}\\"","b":${data.count}}', message))).toEqual({ a: 'say "3"', b: 3 });
  });

  it('applies a text escape before JSON escaping', () => {
    const rendered = renderJsonTemplate('{"t":"${data.title}","u":${data.title}}', message, (value) => value.toUpperCase());
    expect(JSON.parse(rendered)).toEqual({ t: 'SAY "HI"\nNOW \\ DONE', u: 'SAY "HI"\nNOW \\ DONE' });
  });
});
