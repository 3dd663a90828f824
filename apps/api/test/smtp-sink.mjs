// A real SMTP server for the tests, run as a child process: `node smtp-sink.mjs <port> <dir>
// [delayMs] [user] [password]`. Each message it accepts is parsed (mailparser) and written to
// <dir> as one JSON file; it prints "ready" once it listens on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const [port, dir, delay = '0', user = '', password = ''] = process.argv.slice(2);
let seq = 0;

const server = new SMTPServer({
  logger: false,
  disabledCommands: user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
  authOptional: !user,
  allowInsecureAuth: true,
  onAuth(auth, _session, callback) {
    if (auth.username === user && auth.password === password) return callback(null, { user });
    return callback(new Error('Invalid username or password'));
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then(async (mail) => {
        await sleep(Number(delay));
        const record = {
          seq: seq++,
          envelopeFrom: session.envelope.mailFrom && session.envelope.mailFrom.address,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          user: session.user ?? null,
          from: mail.from?.text ?? null,
          to: Array.isArray(mail.to)
            ? mail.to.map((a) => a.text).join(', ')
            : (mail.to?.text ?? null),
          subject: mail.subject ?? null,
          text: mail.text ?? null,
          html: typeof mail.html === 'string' ? mail.html : null,
          messageId: mail.messageId ?? null,
          delivery: mail.headers.get('x-kabinet-delivery') ?? null,
        };
        const file = join(
          dir,
          `${Date.now()}-${String(record.seq).padStart(6, '0')}-${randomUUID()}.json`,
        );
        await writeFile(`${file}.tmp`, JSON.stringify(record));
        await rename(`${file}.tmp`, file);
        callback();
      })
      .catch((err) => callback(err));
  },
});

server.on('error', (err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => process.exit(0));
