import { describe, expect, it } from '@jest/globals';
import { nulCharacterPath } from './nul-characters.js';

describe('nulCharacterPath', () => {
  it.each([
    ['a clean value', { text: 'fine', list: [1, 'two', null], nested: { deep: true } }, undefined],
    ['a text', { text: 'a\u0000b' }, 'data.text'],
    ['an item of an array', { list: ['ok', { name: '\u0000' }] }, 'data.list[1].name'],
    ['a key', { ['bad\u0000key']: 1 }, 'data["bad\\u0000key"]'],
    ['a key that is not a plain name', { 'with space': '\u0000' }, 'data["with space"]'],
    ['the value itself', '\u0000', 'data'],
    ['the first of two', { first: '\u0000', second: '\u0000' }, 'data.first'],
  ])('finds U+0000 in %s', (_label, value, path) => {
    expect(nulCharacterPath(value, 'data')).toBe(path);
  });

  it('starts at the top when the root is empty', () => {
    expect(nulCharacterPath({ subject: '\u0000' }, '')).toBe('subject');
  });
});
