import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { createScratchEnvironment, type ScratchEnvironment } from '../src/tools/scratch-environment.js';
import { eventually } from './support/eventually.js';
import { randomPort, runBuiltProcess } from './support/server-process.js';
import { TestApp } from './support/test-app.js';

/** What a newcomer with the README in hand runs into. */
describe('first steps', () => {
  describe('as processes', () => {
    let environment: ScratchEnvironment;
    beforeAll(async () => {
      environment = await createScratchEnvironment();
    });
    afterAll(() => environment.dispose());

    it('refuses a weak root key at start and says how to make one', async () => {
      const run = runBuiltProcess('main.js', { ...environment.env, HERALD_ROOT_KEY: 'change-me-root-key', PORT: String(randomPort()) });
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain('HERALD_ROOT_KEY must be at least 32 characters (it has 18); make one with: openssl rand -hex 32');
    });

    it('the demo receiver listens on RECEIVER_PORT, whatever PORT says', async () => {
      const taken: Server = createServer();
      const takenPort = randomPort();
      await new Promise<void>((resolve) => taken.listen(takenPort, '127.0.0.1', resolve));
      const receiverPort = takenPort + 1;
      const run = runBuiltProcess('demo/demo-receiver.js', { PORT: String(takenPort), RECEIVER_PORT: String(receiverPort) });
      try {
        await eventually(() => run.output().includes(`demo receiver listening on http://127.0.0.1:${receiverPort}`), {
          what: `the receiver listening on ${receiverPort} (output: ${run.output()})`,
        });
        const answer = await fetch(`http://127.0.0.1:${receiverPort}/hook`, { method: 'POST', body: '{}' });
        expect(answer.status).toBe(200);
      } finally {
        run.child.kill();
        await new Promise((resolve) => taken.close(resolve));
      }
    });
  });

  describe('through the API', () => {
    let herald: TestApp;
    beforeAll(async () => {
      herald = await TestApp.start();
    });
    afterAll(() => herald?.stop());

    it("reads an event back by the publisher's own id, within its project only", async () => {
      const [mine, theirs] = [await herald.createProject('mine'), await herald.createProject('theirs')];
      const published = await herald.request('POST', '/v1/events', mine.publisher, { id: 'ticket-1001', type: 'ticket.created' });
      expect(published.status).toBe(202);
      const byPublisherId = await herald.request('GET', '/v1/events/ticket-1001', mine.admin);
      expect(byPublisherId.status).toBe(200);
      expect(byPublisherId.body).toMatchObject({ id: published.body.id, idempotency_key: 'ticket-1001', type: 'ticket.created' });
      const byHeraldId = await herald.request('GET', `/v1/events/${published.body.id}`, mine.admin);
      expect(byHeraldId.body).toEqual(byPublisherId.body);
      expect((await herald.request('GET', '/v1/events/ticket-1001', theirs.admin)).status).toBe(404);
    });
  });
});
