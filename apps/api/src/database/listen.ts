import { Client } from 'pg';

/** A dedicated connection LISTENing on one channel. */
export interface Listening {
  /** Stops listening and closes the connection (quietly). */
  close(): Promise<void>;
}

/**
 * Opens a connection of its own (LISTEN needs one that is not handed around a pool) and calls
 * `onNotify` for each notification on `channel`. `onLost` is called once if the connection
 * breaks (the server went away): the caller decides whether to listen again. Its error is not
 * logged here: pg's errors carry the whole client.
 */
export async function listen(
  url: string,
  channel: string,
  handlers: { onNotify: () => void; onLost: (err: Error) => void },
  applicationName = 'kabinet-listen',
): Promise<Listening> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  const client = new Client({ connectionString: url, application_name: applicationName });
  let closing = false;
  let lost = false;
  const lose = (err: Error) => {
    if (closing || lost) return;
    lost = true;
    handlers.onLost(err);
  };
  client.on('notification', (n) => {
    if (n.channel === channel) handlers.onNotify();
  });
  client.on('error', lose);
  client.on('end', () => lose(new Error('The connection ended')));
  try {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  } catch (err) {
    closing = true;
    await client.end().catch(() => undefined);
    throw err;
  }
  return {
    async close() {
      if (closing) return;
      closing = true;
      await client.end().catch(() => undefined);
    },
  };
}
