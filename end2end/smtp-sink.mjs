// A real SMTP server on loopback for the browser journeys: the app delivers its mail here
// through lettre, and every message is stored as an .eml file the tests read.
import { SMTPServer } from 'smtp-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const port = Number(process.env.E2E_SMTP_PORT ?? 3125);
const dir = process.env.E2E_MAIL_DIR ?? '../target/e2e/inbox';
mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      count += 1;
      const name = `${Date.now()}-${String(count).padStart(4, '0')}.eml`;
      writeFileSync(join(dir, name), Buffer.concat(chunks));
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => console.log(`SMTP sink on 127.0.0.1:${port}, mail in ${dir}`));
