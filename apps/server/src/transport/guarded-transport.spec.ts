import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TransportError } from '@herald/channel-sdk';
import { AddressPolicy } from './address-policy.js';
import { GuardedTransport } from './guarded-transport.js';

describe('GuardedTransport', () => {
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits += 1;
      if (request.url === '/redirect') {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        return void response.end();
      }
      response.end('x'.repeat(100_000));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function refusal(transport: GuardedTransport, url: string): Promise<TransportError> {
    const error = await transport.request({ method: 'POST', url, body: '{}' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(TransportError.is(error)).toBe(true);
    return error as TransportError;
  }

  it('refuses a literal private address before connecting, for good', async () => {
    const before = hits;
    const error = await refusal(new GuardedTransport(new AddressPolicy(false)), `http://127.0.0.1:${port}/x`);
    expect(error).toMatchObject({ retryable: false, code: 'ADDRESS_REFUSED' });
    expect(error.message).toContain('127.0.0.1 is a loopback address');
    expect(hits).toBe(before);
  });

  it('refuses a host name that resolves to a private address, checked at connect time', async () => {
    const before = hits;
    const error = await refusal(new GuardedTransport(new AddressPolicy(false)), `http://localhost:${port}/x`);
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toMatch(/localhost resolves to .* loopback address/);
    expect(hits).toBe(before);
  });

  it('refuses IPv4 written inside IPv6', async () => {
    const error = await refusal(new GuardedTransport(new AddressPolicy(false)), `http://[::ffff:127.0.0.1]:${port}/x`);
    expect(error.message).toContain('loopback');
  });

  it('does not follow redirects, and bounds the answer it reads', async () => {
    const transport = new GuardedTransport(new AddressPolicy(true), { maxResponseBytes: 1_000 });
    const redirect = await transport.request({ method: 'GET', url: `http://127.0.0.1:${port}/redirect` });
    expect(redirect.status).toBe(302);
    const large = await transport.request({ method: 'GET', url: `http://127.0.0.1:${port}/large` });
    expect(large.body.length).toBe(1_000);
    await transport.close();
  });

  it('verifies TLS certificates: a self-signed one is not accepted', async () => {
    const fixtures = new URL('../../test/fixtures/', import.meta.url);
    const tls = createTlsServer(
      { key: readFileSync(new URL('self-signed.key', fixtures)), cert: readFileSync(new URL('self-signed.crt', fixtures)) },
      (_request, response) => response.end('should not be read'),
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const transport = new GuardedTransport(new AddressPolicy(true));
    const error = await transport
      .request({ method: 'GET', url: `https://127.0.0.1:${(tls.address() as AddressInfo).port}/` })
      .catch((caught: unknown) => caught);
    expect(TransportError.is(error)).toBe(true);
    expect((error as TransportError).message).toMatch(/^TLS certificate not accepted: .*SELF_SIGNED/);
    tls.close();
    await transport.close();
  });

  it('reports a time-out as retryable', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const transport = new GuardedTransport(new AddressPolicy(true));
    const error = await transport
      .request({ method: 'GET', url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, timeoutMs: 300 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: true, message: 'no answer within 300 ms' });
    silent.closeAllConnections();
    silent.close();
    await transport.close();
  });

  it('bounds the whole answer by the time-out, not only the wait between its chunks', async () => {
    const dribbling = createServer((_request, response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write('.'), 50);
      response.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => dribbling.listen(0, '127.0.0.1', resolve));
    const transport = new GuardedTransport(new AddressPolicy(true));
    const started = Date.now();
    const error = await transport
      .request({ method: 'GET', url: `http://127.0.0.1:${(dribbling.address() as AddressInfo).port}/`, timeoutMs: 400 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: true, code: 'TIMEOUT', message: 'no answer within 400 ms' });
    expect(Date.now() - started).toBeLessThan(5_000);
    dribbling.closeAllConnections();
    dribbling.close();
    await transport.close();
  });
});
