import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKind } from './network-address.js';

describe('addressKind', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.100.100.100', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it('is null for host names', () => {
    expect(addressKind('example.com')).toBeNull();
    expect(addressKind('localhost')).toBeNull();
  });

  it('classifies every 10.x and 127.x address, also IPv4-mapped', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, (a, b, c) => {
        expect(addressKind(`10.${a}.${b}.${c}`)).toBe('private');
        expect(addressKind(`127.${a}.${b}.${c}`)).toBe('loopback');
        expect(addressKind(`::ffff:10.${a}.${b}.${c}`)).toBe('private');
      }),
    );
  });
});
