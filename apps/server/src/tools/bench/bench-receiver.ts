import { createServer } from 'node:http';

/**
 * The benchmark's receiver, in a process of its own (started with `fork`): answers 200 at once,
 * counts requests and notes when each `"seq": N` it sees arrived (Herald's event data and
 * Alertmanager's alert labels both carry one). Driven over IPC:
 * `{ reset }`, `{ waitFor: n }` → `{ reached }`, `{ report }` → `{ count, first, last, arrivals }`.
 */
const SEQ = /"seq":"?(\d+)/g;
const now = () => performance.timeOrigin + performance.now();

let count = 0;
let first = 0;
let last = 0;
let waitingFor = Number.POSITIVE_INFINITY;
let arrivals = new Map<string, number>();

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const at = now();
    response.end('ok');
    for (const match of Buffer.concat(chunks).toString().matchAll(SEQ)) if (!arrivals.has(match[1]!)) arrivals.set(match[1]!, at);
    count += 1;
    if (count === 1) first = at;
    last = at;
    if (count >= waitingFor) {
      waitingFor = Number.POSITIVE_INFINITY;
      process.send!({ reached: count });
    }
  });
});
server.keepAliveTimeout = 60_000;

process.on('message', (message: { reset?: true; waitFor?: number; report?: true }) => {
  if (message.reset) {
    count = 0;
    first = 0;
    last = 0;
    arrivals = new Map();
    process.send!({ ready: true });
  } else if (message.waitFor !== undefined) {
    if (count >= message.waitFor) process.send!({ reached: count });
    else waitingFor = message.waitFor;
  } else if (message.report) {
    process.send!({ count, first, last, arrivals: [...arrivals] });
  }
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
