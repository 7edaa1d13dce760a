import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { robotBodyProblem } from './testing/index.js';
import { wecomImagePayload } from './wecom.sign.js';

describe('wecomImagePayload (platforms.md §9 vector 13)', () => {
  it.each([
    ['a string', 'hello'],
    ['a Buffer', Buffer.from('hello')],
    ['a Uint8Array', new Uint8Array([0x68, 0x65, 0x6c, 0x6c, 0x6f])],
  ])('digests the bytes "hello" given as %s', (_kind, bytes) => {
    expect(wecomImagePayload(bytes)).toEqual({ base64: 'aGVsbG8=', md5: '5d41402abc4b2a76b9719d911017c592' });
  });

  it('hashes the raw bytes, not the base64 text (the common mistake)', () => {
    const mistaken = createHash('md5').update('aGVsbG8=').digest('hex');
    expect(wecomImagePayload('hello').md5).not.toBe(mistaken);
  });

  it('builds an image body the fake platform accepts, and a tampered md5 it refuses', () => {
    const image = wecomImagePayload('hello');
    expect(robotBodyProblem({ msgtype: 'image', image })).toBeUndefined();
    expect(
      robotBodyProblem({ msgtype: 'image', image: { ...image, md5: createHash('md5').update('aGVsbG8=').digest('hex') } }),
    ).toMatchObject({ errcode: 40035 });
  });
});
