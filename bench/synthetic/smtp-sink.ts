import type net from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The newsletter bench's SMTP server, in a process of its own as a real relay would be (run by
 * newsletter.ts through IPC): it accepts every message, counts them, and tells the count when asked.
 * In the sender's own process it took half of that event loop, and the figure measured both.
 */
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received++;
      callback();
    });
  },
});
smtp.listen(0, '127.0.0.1', () => {
  smtp.server.prependListener('connection', (socket: net.Socket) => socket.setNoDelay(true));
  process.send!({ port: (smtp.server.address() as net.AddressInfo).port });
});
process.on('message', (message: { ask?: 'count' }) => {
  if (message.ask === 'count') process.send!({ received });
});
process.on('disconnect', () => smtp.close(() => process.exit(0)));
