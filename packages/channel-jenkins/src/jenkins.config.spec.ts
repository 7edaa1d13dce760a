import { describe, expect, it } from '@jest/globals';
import { jenkinsGenericBuildJob } from './jenkins.channel.js';

const valid = { service_url: 'https://jenkins.example.com/generic-webhook-trigger/invoke', build_token: 'herald-demo' };

function messagesFor(config: Record<string, unknown>): string {
  const parsed = jenkinsGenericBuildJob.parseConfig(config);
  return parsed.ok ? '' : parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}

describe('Jenkins config', () => {
  it.each([
    [{ service_url: 'ftp://jenkins.example.com/x' }, 'service_url: service_url must use http or https, not ftp'],
    [{ service_url: 'jenkins.example.com' }, 'service_url: service_url must be an absolute http(s) URL'],
    [
      { service_url: 'https://jenkins.example.com/generic-webhook-trigger/invoke?token=abc' },
      'service_url: service_url must not contain a token query parameter',
    ],
    [
      { service_url: 'https://admin:apitoken@jenkins.example.com/generic-webhook-trigger/invoke' },
      'service_url: service_url must not carry user:password@',
    ],
    [{ build_token: '' }, 'build_token: build_token should not be empty'],
    [{ build_token: ' padded ' }, 'build_token: build_token must be printable ASCII without spaces at either end'],
    [{ build_token: 'tok\nen' }, 'build_token: build_token must be printable ASCII'],
    [{ build_args: '{"ENV": prod}' }, 'build_args: build_args is not valid JSON'],
    [{ build_args: '["prod"]' }, 'build_args: build_args must be a JSON object, such as {"DEPLOY_ENV":"prod"}'],
    [{ build_args: '{"data": 1, "ENV": "prod", "type": "x"}' }, 'build_args: build_args must not redefine fields of the body (data, type)'],
    [
      { template: '{"ref":"${data.ref}"}', build_args: '{"ref":"main"}' },
      'build_args: build_args must not redefine fields of the body (ref)',
    ],
    [{ request_parameters: 'env' }, 'request_parameters: request_parameters part 1 ("env") is not name=value, as in a=b&c=d'],
    [{ request_parameters: 'a=1&&b=2' }, 'request_parameters: request_parameters part 2 ("") is not name=value'],
    [{ request_parameters: '?a=1' }, 'request_parameters: request_parameters part 1 ("?a=1") is not name=value'],
    [{ request_parameters: 'a=1&b=two words' }, 'request_parameters: request_parameters part 2 ("b=two words") is not name=value'],
    [{ request_parameters: 'a=%E0%A4%A' }, 'request_parameters: request_parameters part 1 ("a=%E0%A4%A") has a malformed %-escape'],
    [{ request_parameters: 'env=prod&token=abc' }, 'request_parameters: request_parameters must not contain token'],
    [
      { header_parameters: 'X-Team: ops\nBad Header: 1' },
      'header_parameters: header_parameters line 2: "Bad Header" is not a valid header name',
    ],
    [{ header_parameters: 'Authorization: Basic eDp5' }, 'header_parameters: header_parameters must not set Authorization'],
    [{ header_parameters: 'token: abc' }, 'header_parameters: header_parameters must not set token'],
    [{ header_parameters: 'Content-Type: text/plain' }, 'header_parameters: header_parameters must not set Content-Type: Herald sets it'],
    [{ template: '{"ref":"${data.ref' }, 'template: template unclosed "${" at position 8'],
    [{ template: '{"ref": ${data.ref} ${data.ref}}' }, 'template: template renders to invalid JSON'],
    [
      { template: 'ref=${data.ref}', build_args: '{"message":"x"}' },
      'build_args: build_args must not redefine fields of the body (message)',
    ],
    [{ template: '["${data.ref}"]' }, 'template: template must render to a JSON object'],
    [{ color: 'red' }, 'color: color is not a field of this action'],
  ])('refuses %j with a message naming the field', (change, expected) => {
    expect(messagesFor({ ...valid, ...change })).toContain(expected);
  });

  it('names both required fields when they are missing', () => {
    const messages = messagesFor({});
    expect(messages).toContain('service_url: service_url must be a string');
    expect(messages).toContain('build_token: build_token must be a string');
  });

  it.each([
    [{}],
    [{ build_args: '', request_parameters: '', header_parameters: '', template: '' }],
    [
      {
        build_args: '{"DEPLOY_ENV":"prod","RUN":1}',
        request_parameters: 'env=prod&jobQuietPeriod=0&name=a%20b',
        header_parameters: 'gwt-dry-run: true\nX-Team: ops',
      },
    ],
    [{ template: '{"ref":"${data.ref}","count":${data.count},"note":"${data.message}"}', build_args: '{"ENV":"prod"}' }],
    [{ service_url: 'http://10.0.0.5:8080/jenkins/generic-webhook-trigger/invoke?team=ops' }],
  ])('accepts %j', (change) => {
    expect(messagesFor({ ...valid, ...change })).toBe('');
  });

  it('marks build_token secret and write-only in the schema', () => {
    expect(jenkinsGenericBuildJob.secretFields).toEqual(['build_token']);
    expect(jenkinsGenericBuildJob.configSchema).toMatchObject({
      required: expect.arrayContaining(['service_url', 'build_token']),
      properties: { build_token: { writeOnly: true }, build_args: { description: expect.stringContaining('JSONPath') } },
    });
  });
});
