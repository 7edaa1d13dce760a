import { describe, expect, it } from '@jest/globals';
import { schemaPatterns, unsafeSchemaPattern } from './schema-patterns.js';

describe('schemaPatterns', () => {
  it('finds pattern values and patternProperties keys with their paths, and skips data', () => {
    const schema = {
      type: 'object',
      properties: {
        code: { type: 'string', pattern: '^[A-Z]+$' },
        pattern: { type: 'string' },
        list: { type: 'array', items: [{ pattern: '^x$' }] },
      },
      patternProperties: { '^tag_': { pattern: '^y$' } },
      const: { pattern: '(a+)+' },
      examples: [{ pattern: '(a+)+' }],
    };
    expect(schemaPatterns(schema)).toEqual([
      { field: 'schema.properties.code.pattern', source: '^[A-Z]+$' },
      { field: 'schema.properties.list.items[0].pattern', source: '^x$' },
      { field: 'schema.patternProperties["^tag_"]', source: '^tag_' },
      { field: 'schema.patternProperties["^tag_"].pattern', source: '^y$' },
    ]);
  });
});

describe('unsafeSchemaPattern', () => {
  const withPattern = (pattern: string) => ({ type: 'string', pattern });

  it.each([['^(a+)+$'], ['^(\\w|\\d)+$'], ['(x+x+)+y']])('refuses %s, which takes exponential time', async (pattern) => {
    expect(await unsafeSchemaPattern(withPattern(pattern))).toEqual({
      field: 'schema.pattern',
      message: expect.stringContaining('exponential time to match (ReDoS'),
    });
  });

  it.each([['^[A-Z]{2}-\\d+$'], ['^\\d{4}-\\d{2}-\\d{2}$'], ['^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$'], ['a.*b'], ['\\s*$']])(
    'lets %s through (linear, or quadratic at worst)',
    async (pattern) => {
      expect(await unsafeSchemaPattern(withPattern(pattern))).toBeUndefined();
    },
  );
});
