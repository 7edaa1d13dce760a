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
