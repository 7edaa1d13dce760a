import { describe, expect, it } from '@jest/globals';
import * as classValidator from 'class-validator';
import { JSONSchema as jsonSchemaOfPackage } from 'class-validator-jsonschema';
import * as decorators from './config-decorators.js';

const exported: Record<string, unknown> = { ...decorators };
const ofClassValidator: Record<string, unknown> = { ...classValidator };

describe('the config decorators the SDK exports', () => {
  it.each(Object.keys(exported).filter((name) => name !== 'JSONSchema'))('%s is class-validator’s own decorator', (name) => {
    expect(exported[name]).toBe(ofClassValidator[name]);
  });

  it('JSONSchema is class-validator-jsonschema’s own decorator', () => {
    expect(decorators.JSONSchema).toBe(jsonSchemaOfPackage);
  });
});
