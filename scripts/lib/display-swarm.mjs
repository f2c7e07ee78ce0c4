// Hall displays for a benchmark, in their own process: real displays are other machines, and
// their socket traffic must not stall the event loop of the load client being timed.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Forks a process holding `count` display sockets subscribed to the center's room. */
export function startDisplaySwarm(base, centerId, count) {
  const child = fork(fileURLToPath(import.meta.url), [base, centerId, String(count)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`display swarm exited with code ${code}`)));
    child.once('message', (m) => {
      child.removeAllListeners('exit');
      resolve({
        count: m.connected,
        /** Disconnects; resolves with the number of queue.updated events the displays received. */
        stop: () => new Promise((done) => {
          child.once('message', (r) => done(r.received));
          child.send('stop');
        }),
      });
    });
  });
}

async function runSwarm([base, centerId, count]) {
  const { io } = await import('socket.io-client');
  const sockets = [];
  let received = 0;
  for (let i = 0; i < Number(count); i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, Number(count) - i) }, async () => {
        const s = io(`${base}/public`, { transports: ['websocket'], forceNew: true });
        await new Promise((resolve) => s.once('connect', resolve));
        await new Promise((resolve) => s.emit('subscribe', `center:${centerId}`, resolve));
        s.on('queue.updated', () => received++);
        sockets.push(s);
      }),
    );
  }
  process.send({ connected: sockets.length });
  process.once('message', () => {
    for (const s of sockets) s.close();
    process.send({ received }, () => process.exit(0));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runSwarm(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
