import { describe, expect, it } from '@jest/globals';
import * as classValidator from 'class-validator';
import { JSONSchema as jsonSchemaOfPackage } from 'class-validator-jsonschema';
import * as decorators from './config-decorators.js';

describe('the config decorators the SDK exports', () => {
  it.each(Object.keys(decorators).filter((name) => name !== 'JSONSchema'))('%s is class-validator’s own decorator', (name) => {
    expect(decorators[name as keyof typeof decorators]).toBe(classValidator[name as keyof typeof classValidator]);
  });

  it('JSONSchema is class-validator-jsonschema’s own decorator', () => {
    expect(decorators.JSONSchema).toBe(jsonSchemaOfPackage);
  });
});
