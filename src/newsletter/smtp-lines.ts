import net from 'node:net';
import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

/**
 * One SMTP connection kept open for a run of newsletter messages, with the one hook that makes
 * exactly-once delivery possible: `beforeEndOfData` is awaited after the whole message is written
 * and before the final "." of DATA. A server can only accept a message once it has that dot, so a
 * row whose stage was committed `data_ended` there is the only kind a server may hold; every other
 * interrupted row is safe to resend.
 */
export interface OutgoingMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

export interface Line {
  send(message: OutgoingMessage, beforeEndOfData: () => Promise<void>): Promise<void>;
  close(): void;
}

/** A failed exchange: the server's reply code when there was one, and whether the final dot had gone out. */
export interface LineFailure extends Error {
  responseCode?: number;
  command?: string;
  afterEndOfData?: boolean;
}

export function smtpLine(url: string, from: string): Line {
  return new SmtpLine(new URL(url), from);
}

/** Without an SMTP server, messages go to the ordinary mailer (the outbox folder). */
export function mailerLine(send: (message: Omit<OutgoingMessage, 'messageId'>) => Promise<unknown>): Line {
  return {
    send: async ({ messageId, headers, ...rest }, beforeEndOfData) => {
      await beforeEndOfData();
      await send({ ...rest, headers: { ...headers, 'Message-ID': messageId } });
    },
    close: () => {},
  };
}

class SmtpLine implements Line {
  private connection: SMTPConnection | null = null;
  private readonly secure: boolean;
  private readonly host: string;
  private readonly port: number;
  private readonly address: string;

  constructor(
    private readonly url: URL,
    private readonly from: string,
  ) {
    this.secure = url.protocol === 'smtps:';
    this.host = url.hostname || 'localhost';
    this.port = Number(url.port) || (this.secure ? 465 : 587);
    this.address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  }

  async send(message: OutgoingMessage, beforeEndOfData: () => Promise<void>): Promise<void> {
    const raw = await new MailComposer({ from: this.from, ...message }).compile().build();
    const connection = await this.open();
    let endOfDataSent = false;
    let step = 0;
    const body = new Readable({
      read() {
        if (step === 0) {
          step = 1;
          this.push(raw);
        } else if (step === 1) {
          step = 2;
          // The stream ends (and nodemailer writes the final dot) only once the stage is committed.
          beforeEndOfData().then(
            () => {
              endOfDataSent = true;
              this.push(null);
            },
            (error: Error) => this.destroy(error),
          );
        }
      },
    });
    try {
      await new Promise<void>((resolve, reject) => connection.send({ from: this.address, to: [message.to] }, body, (error) => (error ? reject(error) : resolve())));
    } catch (error) {
      // After a failure the exchange's state is unknown: a fresh connection for the next message.
      this.drop(connection);
      (error as LineFailure).afterEndOfData = endOfDataSent;
      throw error;
    }
  }

  close(): void {
    if (this.connection) this.drop(this.connection);
  }

  private drop(connection: SMTPConnection) {
    if (this.connection === connection) this.connection = null;
    connection.close();
  }

  private async open(): Promise<SMTPConnection> {
    if (this.connection) return this.connection;
    // An SMTP exchange is a string of small writes; with Nagle's algorithm each one can wait for a
    // delayed ACK (30–80 ms a message measured here). TLS from the first byte keeps nodemailer's socket.
    const socket = this.secure ? undefined : await noDelaySocket(this.host, this.port);
    const connection = new SMTPConnection({ host: this.host, port: this.port, secure: this.secure, connection: socket, greetingTimeout: 30_000, socketTimeout: 60_000 });
    let connected = false;
    await new Promise<void>((resolve, reject) => {
      // Later errors also reach the pending send's callback; this keeps them from being unhandled.
      connection.on('error', (error) => {
        if (!connected) reject(error);
        else if (this.connection === connection) this.connection = null;
      });
      connection.on('end', () => this.connection === connection && (this.connection = null));
      connection.connect(() => {
        connected = true;
        resolve();
      });
    });
    if (this.url.username) {
      const auth = { user: decodeURIComponent(this.url.username), pass: decodeURIComponent(this.url.password) };
      await new Promise<void>((resolve, reject) => connection.login(auth, (error) => (error ? reject(error) : resolve()))).catch((error) => {
        connection.close();
        throw error;
      });
    }
    this.connection = connection;
    return connection;
  }
}

function noDelaySocket(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host, () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.setNoDelay(true);
    socket.once('error', reject);
  });
}
