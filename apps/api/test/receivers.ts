import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the test mail server received. */
export interface Mail {
  to: string;
  raw: string;
}

/** A real SMTP server on a free local port that keeps every message in `mails`. */
export async function startMailServer() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  const port = await listen(server, (server as unknown as { server: http.Server }).server);
  return { port, url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * An HTTP server on a free local port standing in for webhooks and SMS/Zalo gateways: `answer` sees each
 * request with its whole body and returns the status to reply with.
 */
export async function startHttpReceiver(answer: (req: http.IncomingMessage, body: string) => number) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => res.writeHead(answer(req, body)).end());
  });
  const port = await listen(server, server);
  return { port, base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function listen(server: { listen(port: number, host: string, cb: () => void): unknown }, net: http.Server) {
  return new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((net.address() as AddressInfo).port)));
}
