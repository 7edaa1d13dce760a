import { describe, expect, it } from '@jest/globals';
import { createMessageContext } from '@herald/channel-sdk';
import type { NtfyTopicConfig } from './ntfy.config.js';
import { encodeHeaderValue, ntfyRequestHeaders, priorityNumber, tagList } from './ntfy.headers.js';
import { renderNtfyMessage, type NtfyMessage } from './ntfy.render.js';
import { decodeHeader } from './testing/index.js';

const serviceUrl = 'https://ntfy.sh/herald-alerts';
const event = createMessageContext({
  id: 'evt_1',
  type: 'build.failed',
  source: 'ci',
  subject: 'demo#42',
  time: '2024-01-15T10:30:00Z',
  data: { branch: 'main', stage: 'test', url: 'https://ci.example.com/builds/42', empty: '' },
});

function render(config: Partial<NtfyTopicConfig>, message = event): NtfyMessage {
  return renderNtfyMessage({ service_url: serviceUrl, ...config }, message);
}

describe('renderNtfyMessage', () => {
  it.each<[string, Partial<NtfyTopicConfig>, unknown]>([
    [
      'default: type and subject as title, a line a field, then the time',
      {},
      {
        title: 'build.failed: demo#42',
        body: 'branch: main\nstage: test\nurl: https://ci.example.com/builds/42\ntime: 2024-01-15T10:30:00Z',
        truncated: false,
      },
    ],
    [
      'templates for title and body',
      { title_template: 'Build ${data.branch} ${event.type}', template: '${data.stage} failed in ${project.name}' },
      { title: 'Build main build.failed', body: 'test failed in local', truncated: false },
    ],
    [
      'a title template on several lines becomes one line',
      { title_template: 'a\n\n b\t\tc ' },
      expect.objectContaining({ title: 'a b c' }),
    ],
    [
      'a click template rendering to a URL',
      { click_template: '${data.url}' },
      expect.objectContaining({ click: 'https://ci.example.com/builds/42' }),
    ],
    [
      'a click template rendering to nothing',
      { click_template: '${data.missing}' },
      expect.not.objectContaining({ click: expect.anything() }),
    ],
    [
      'a click template rendering to a javascript: URL',
      { click_template: 'javascript:alert(1)' },
      expect.not.objectContaining({ click: expect.anything() }),
    ],
  ])('%s', (_name, config, expected) => {
    expect(render(config)).toEqual(expected);
  });

  it('renders an event without data as the time alone, titled by its type', () => {
    expect(render({}, createMessageContext({ type: 'heartbeat', time: '2024-01-15T10:30:00Z' }))).toEqual({
      title: 'heartbeat',
      body: 'time: 2024-01-15T10:30:00Z',
      truncated: false,
    });
  });

  it.each([
    ['ascii', 'a', 5000],
    ['three-byte characters', '€', 2000],
    ['emoji', '😀', 1500],
  ])('cuts a body of %s to 4096 bytes on a character boundary, marked', (_name, character, count) => {
    const message = render({ template: character.repeat(count) });
    expect(Buffer.byteLength(message.body)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(message.body)).toBeGreaterThan(4090);
    expect(message.body.endsWith(`${character}…`)).toBe(true);
    expect(message.truncated).toBe(true);
  });

  it('keeps a body of exactly 4096 bytes whole', () => {
    expect(render({ template: 'a'.repeat(4096) })).toMatchObject({ body: 'a'.repeat(4096), truncated: false });
  });

  it('cuts a huge title to 1024 bytes', () => {
    expect(Buffer.byteLength(render({ title_template: 'ü'.repeat(2000) }).title)).toBeLessThanOrEqual(1024);
  });
});

describe('headers', () => {
  it.each([
    ['Build failed', 'Build failed'],
    ['', ''],
    ['Build ✗ on Zürich', '=?UTF-8?B?QnVpbGQg4pyXIG9uIFrDvHJpY2g=?='],
    ['looks =?like?= a word', '=?UTF-8?B?bG9va3MgPT9saWtlPz0gYSB3b3Jk?='],
  ])('encodes %j as %j', (value, expected) => {
    expect(encodeHeaderValue(value)).toBe(expected);
  });

  it('splits long values into encoded words of at most 75 characters that decode back', () => {
    const title = '🚨 Déploiement échoué: '.repeat(12);
    const encoded = encodeHeaderValue(title);
    expect(encoded.split(' ').every((word) => word.length <= 75 && /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/.test(word))).toBe(true);
    expect(decodeHeader(encoded)).toBe(title);
  });

  it.each([
    ['min', 1],
    ['low', 2],
    ['default', 3],
    ['high', 4],
    ['urgent', 5],
    ['max', 5],
    [4, 4],
    ['2', 2],
  ] as const)('priority %j is %i', (priority, expected) => {
    expect(priorityNumber(priority)).toBe(expected);
  });

  it('splits tags as ntfy does', () => {
    expect(tagList(' warning, ,rotating_light ,prod,')).toEqual(['warning', 'rotating_light', 'prod']);
  });

  it('sends title, priority, tags, click and the token; leaves out what is not set', () => {
    const config = { service_url: serviceUrl, access_token: 'tk_abc', priority: 'high' as const, tags: 'warning, prod' };
    expect(ntfyRequestHeaders(config, { title: 'T', body: 'b', click: 'https://x.example/', truncated: false })).toEqual({
      'content-type': 'text/plain; charset=utf-8',
      'user-agent': 'herald-channel-ntfy/0.1',
      Title: 'T',
      'X-Priority': '4',
      Tags: 'warning,prod',
      Click: 'https://x.example/',
      Authorization: 'Bearer tk_abc',
    });
    expect(Object.keys(ntfyRequestHeaders({ service_url: serviceUrl }, { title: '', body: 'b', truncated: false }))).toEqual([
      'content-type',
      'user-agent',
    ]);
  });
});
