// A small ESMTP server for the lab (RFC 5321 greeting and EHLO, RFC 3207 STARTTLS) on 127.0.0.1
// and an ephemeral port, with variants that misbehave the ways real MX hosts do.
import net from 'node:net';
import tls from 'node:tls';

export type SmtpVariant =
  | 'starttls' // well-behaved
  | 'no-starttls' // EHLO does not offer STARTTLS
  | 'starttls-454' // offers STARTTLS, then answers 454
  | 'slow-banner' // greets after `bannerDelayMs`
  | 'hostile-banner' // ANSI escapes and 10 000 continuation lines
  | 'busy' // 421 greeting
  | 'refused' // two-line 554 greeting (RFC 5321 §3.1: no SMTP service here)
  | 'injection'; // sends plaintext right after its STARTTLS 220

export interface SmtpServerOptions {
  variant: SmtpVariant;
  /** PEM key and chain (leaf first) served after STARTTLS. */
  key: string;
  cert: string;
  hostname?: string;
  bannerDelayMs?: number;
}

export interface RunningSmtpServer {
  port: number;
  close(): Promise<void>;
}

const HOSTILE_LINES = 10_000;

export async function startSmtpServer(opts: SmtpServerOptions): Promise<RunningSmtpServer> {
  const hostname = opts.hostname ?? 'mx.lab.test';
  const context = tls.createSecureContext({ key: opts.key, cert: opts.cert });
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    converse(socket, opts, hostname, context);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function converse(socket: net.Socket, opts: SmtpServerOptions, hostname: string, context: tls.SecureContext): void {
  const greet = (): void => {
    if (socket.destroyed) return;
    if (opts.variant === 'busy') {
      socket.end(`421 4.3.2 ${hostname} busy, try later\r\n`);
      return;
    }
    if (opts.variant === 'refused') {
      socket.end(`554-${hostname} no SMTP service here\r\n554 5.3.2 see you never\r\n`);
      return;
    }
    if (opts.variant === 'hostile-banner') {
      const line = `220-${hostname} \u001b[31mred\u001b[0m \u001b]0;title\u0007 \u0000\r\n`;
      socket.write(line.repeat(HOSTILE_LINES));
    }
    socket.write(`220 ${hostname} ESMTP lab\r\n`);
  };
  if (opts.variant === 'slow-banner') setTimeout(greet, opts.bannerDelayMs ?? 500);
  else greet();

  let buffer = '';
  const onData = (chunk: Buffer): void => {
    buffer += chunk.toString('latin1');
    for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      if (command(line)) return;
    }
  };
  /** Handles one command; true when the socket was handed to TLS. */
  const command = (line: string): boolean => {
    const verb = line.split(' ')[0]!.toUpperCase();
    if (verb === 'EHLO') {
      const caps = ['PIPELINING', 'SIZE 10240000', ...(opts.variant === 'no-starttls' ? [] : ['STARTTLS']), '8BITMIME'];
      socket.write([`250-${hostname} greets you`, ...caps.slice(0, -1).map((c) => `250-${c}`), `250 ${caps.at(-1)}`].join('\r\n') + '\r\n');
    } else if (verb === 'STARTTLS' && opts.variant !== 'no-starttls') {
      if (opts.variant === 'starttls-454') {
        socket.write('454 4.7.0 TLS not available due to local problem\r\n');
        return false;
      }
      socket.write(opts.variant === 'injection' ? '220 2.0.0 Ready to start TLS\r\n250 injected\r\n' : '220 2.0.0 Ready to start TLS\r\n');
      socket.off('data', onData);
      const secure = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
      secure.on('error', () => undefined);
      secure.on('data', (d: Buffer) => {
        if (/^QUIT/i.test(d.toString('latin1'))) secure.end('221 2.0.0 bye\r\n');
        else secure.write('250 2.0.0 ok\r\n');
      });
      return true;
    } else if (verb === 'QUIT') {
      socket.end('221 2.0.0 bye\r\n');
    } else {
      socket.write('502 5.5.2 command not recognised\r\n');
    }
    return false;
  };
  socket.on('data', onData);
}
