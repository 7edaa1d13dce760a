import { FakeWebhookReceiver } from '@herald/channel-http/testing';

/**
 * A local webhook endpoint for trying Herald: prints every request it receives and answers 200.
 * `pnpm demo:receiver` (RECEIVER_PORT, 4000 by default: not PORT, which the service itself reads;
 * RECEIVER_TOKEN checks X-Herald-Signature).
 */
const port = Number(process.env.RECEIVER_PORT || 4000);
const receiver = new FakeWebhookReceiver({ token: process.env.RECEIVER_TOKEN });
const verify = receiver.handler;
receiver.handler = (request) => {
  const answer = verify(request);
  process.stdout.write(
    `\n${new Date().toISOString()} ${request.method} ${request.url} → ${answer instanceof Promise ? '' : answer.status}\n`,
  );
  for (const name of ['x-herald-event', 'x-herald-delivery', 'x-herald-signature', 'webhook-id', 'webhook-timestamp']) {
    if (request.headers[name]) process.stdout.write(`  ${name}: ${request.headers[name]}\n`);
  }
  process.stdout.write(`  ${request.body}\n`);
  return answer;
};
await receiver.start(port);
process.stdout.write(`demo receiver listening on ${receiver.url}\n`);
