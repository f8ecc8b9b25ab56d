import { SMTPServer } from 'smtp-server';
import PostalMime, { type Email } from 'postal-mime';

/** A real SMTP server on 127.0.0.1 that keeps what it receives, and can be told to refuse mail. */
export class TestSmtpServer {
  readonly received: (Email & { raw: string })[] = [];
  /** When set, every message is refused with this SMTP reply code (4xx temporary, 5xx permanent). */
  refuseWith: number | null = null;
  /** When set, each RCPT TO is answered only once this resolves (to hold a sender mid-exchange). */
  beforeRcpt: (() => Promise<void>) | null = null;
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo: (_address, _session, callback) => {
      void (this.beforeRcpt?.() ?? Promise.resolve()).then(() => callback(), callback);
    },
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (this.refuseWith) {
          const error = new Error('refused by the test server') as Error & { responseCode: number };
          error.responseCode = this.refuseWith;
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        this.received.push({ ...(await PostalMime.parse(raw)), raw: raw.toString('utf8') });
        callback();
      });
    },
  });
  port = 0;

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
