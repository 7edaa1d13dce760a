import { describe, expect, it } from '@jest/globals';
import { AddressPolicy } from './address-policy.js';

describe('AddressPolicy', () => {
  const closed = new AddressPolicy(false);

  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:0001::1',
  ])('refuses %s', (address) => {
    expect(closed.refusal(address)).toMatch(/deliveries to private networks are refused/);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'allows the public address %s',
    (address) => {
      expect(closed.refusal(address)).toBeUndefined();
    },
  );

  it('allows everything when private networks are allowed', () => {
    expect(new AddressPolicy(true).refusal('127.0.0.1')).toBeUndefined();
  });

  it('allows listed CIDRs, addresses and host names, and nothing else', () => {
    const policy = new AddressPolicy(false, ['10.20.0.0/16', '192.168.7.7', 'jenkins.internal']);
    expect(policy.refusal('10.20.3.4')).toBeUndefined();
    expect(policy.refusal('192.168.7.7')).toBeUndefined();
    expect(policy.refusal('192.168.7.8')).toBeDefined();
    expect(policy.refusal('10.21.0.1')).toBeDefined();
    expect(policy.refusal('10.9.9.9', 'jenkins.internal')).toBeUndefined();
    expect(policy.refusal('10.9.9.9', 'other.internal')).toBeDefined();
  });
});

describe('AddressPolicy.literalHostRefusal (subscriptions being saved)', () => {
  const closed = new AddressPolicy(false);

  it.each([
    ['127.0.0.1', 'loopback address'],
    ['localhost', 'loopback name'],
    ['LOCALHOST.', 'loopback name'],
    ['api.localhost', 'loopback name'],
    ['[::1]', 'loopback address'],
    ['[::ffff:127.0.0.1]', 'loopback address'],
    ['169.254.169.254', 'linkLocal address'],
    ['10.0.0.8', 'private address'],
    ['192.168.1.1', 'private address'],
    ['[fd00::1]', 'uniqueLocal address'],
  ])('refuses %s (a %s)', (host, reason) => {
    expect(closed.literalHostRefusal(host)).toContain(reason);
  });

  it('judges the host as a URL spells it, whatever form the address was written in', () => {
    for (const url of ['http://2130706433/', 'http://0x7f000001/', 'http://127.1/', 'http://[0:0:0:0:0:ffff:7f00:1]/']) {
      expect({ url, refusal: closed.literalHostRefusal(new URL(url).hostname) }).toEqual({
        url,
        refusal: expect.stringContaining('loopback'),
      });
    }
  });

  it.each(['example.com', 'open.feishu.cn', '93.184.216.34', '[2606:4700:4700::1111]', 'localhost.example.com'])(
    'leaves %s to be judged when sending',
    (host) => {
      expect(closed.literalHostRefusal(host)).toBeUndefined();
    },
  );

  it('refuses nothing when private networks are allowed, and lets allowed hosts and ranges through', () => {
    expect(new AddressPolicy(true).literalHostRefusal('127.0.0.1')).toBeUndefined();
    expect(new AddressPolicy(true).literalHostRefusal('localhost')).toBeUndefined();
    const some = new AddressPolicy(false, ['localhost', '10.1.0.0/16']);
    expect(some.literalHostRefusal('localhost')).toBeUndefined();
    expect(some.literalHostRefusal('10.1.2.3')).toBeUndefined();
    expect(some.literalHostRefusal('10.2.0.1')).toContain('private address');
  });
});
