import { describe, expect, it } from '@jest/globals';
import { ntfyTopicMessage } from './ntfy.channel.js';

const serviceUrl = 'https://ntfy.sh/herald-alerts';

function problems(config: Record<string, unknown>): string {
  const parsed = ntfyTopicMessage.parseConfig(config);
  return parsed.ok ? '' : parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}

describe('ntfy_topic_message config', () => {
  it.each([
    [{}, 'service_url: service_url is required: the topic URL'],
    [{ service_url: 'not a url' }, 'service_url must be an absolute http(s) URL'],
    [{ service_url: 'ftp://ntfy.sh/alerts' }, 'service_url must use http or https, not ftp'],
    [{ service_url: 'https://ntfy.sh/' }, 'service_url must name a topic after the server'],
    [{ service_url: 'https://ntfy.sh' }, 'service_url must name a topic after the server'],
    [{ service_url: 'https://ntfy.sh/alerts/json' }, 'service_url must be the server followed by one topic name'],
    [{ service_url: 'https://ntfy.sh/alerts/' }, 'service_url must be the server followed by one topic name'],
    [{ service_url: `https://ntfy.sh/${'a'.repeat(65)}` }, 'service_url must be the server followed by one topic name'],
    [{ service_url: 'https://ntfy.sh/my.alerts' }, 'service_url must be the server followed by one topic name'],
    [{ service_url: 'https://ntfy.sh/docs' }, 'service_url names "docs", which ntfy keeps for itself'],
    [{ service_url: 'https://ntfy.sh/alerts?title=x' }, 'service_url must not have a query or fragment'],
    [{ service_url: serviceUrl, access_token: 'Bearer tk_abc' }, 'access_token must be the token alone'],
    [{ service_url: serviceUrl, priority: 6 }, 'priority must be 1 to 5 or one of min, low, default, high, urgent'],
    [{ service_url: serviceUrl, priority: 'HIGHEST' }, 'priority must be 1 to 5'],
    [{ service_url: serviceUrl, tags: 'a,\nb' }, 'tags must be one line'],
    [{ service_url: serviceUrl, title_template: 'Build ${data.id' }, 'title_template unclosed "${" at position 6'],
    [{ service_url: serviceUrl, template: '${}' }, 'template empty placeholder at position 0'],
    [{ service_url: serviceUrl, click_template: 42 }, 'click_template must be a string'],
    [{ service_url: serviceUrl, topic: 'alerts' }, 'topic: topic is not a field of this action'],
  ])('refuses %j with a message naming the field', (config, message) => {
    expect(problems(config)).toContain(message);
  });

  it.each([
    { service_url: serviceUrl },
    { service_url: 'http://10.0.0.5:8080/deploys_prod-1' },
    {
      service_url: 'https://ntfy.example.com/Alerts',
      access_token: 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2',
      priority: 'urgent',
      tags: 'warning,🚨',
      title_template: '${event.type}',
      template: '${data.x}',
      click_template: '${data.url}',
    },
    { service_url: serviceUrl, priority: 5 },
    { service_url: serviceUrl, priority: '1' },
  ])('accepts %j', (config) => {
    expect(problems(config)).toBe('');
  });

  it('marks service_url and access_token write-only in the JSON Schema', () => {
    const properties = ntfyTopicMessage.configSchema.properties as Record<string, { writeOnly?: boolean }>;
    expect(Object.keys(properties).sort()).toEqual([
      'access_token',
      'click_template',
      'priority',
      'service_url',
      'tags',
      'template',
      'title_template',
    ]);
    expect([properties.service_url?.writeOnly, properties.access_token?.writeOnly, properties.tags?.writeOnly]).toEqual([
      true,
      true,
      undefined,
    ]);
  });

  it('counts rate limits per ntfy server, not per topic', () => {
    const destination = (url: string) => ntfyTopicMessage.destination({ service_url: url });
    expect(destination('https://ntfy.sh/a')).toBe(destination('https://ntfy.sh/b'));
    expect(destination('https://ntfy.sh/a')).not.toBe(destination('https://ntfy.example.com/a'));
    expect(destination('https://ntfy.sh/secret-topic-name')).not.toContain('secret-topic-name');
  });
});
