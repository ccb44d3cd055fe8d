/**
 * The load side of `npm run bench:ack`, in a process of its own: it stands for Slack sending
 * commands, so its timing is not slowed by the stand-in API that the bot's turns call (which runs in
 * the bench's main process). Takes `{ url, secret, bodies }` over IPC, sends every body at once,
 * signed, and answers with each request's latency in ms.
 */
import { signature } from "../fixtures/slack-standin/signed-request.js";

interface Burst {
  url: string;
  secret: string;
  bodies: string[];
}

async function burst({ url, secret, bodies }: Burst): Promise<number[]> {
  return Promise.all(
    bodies.map(async (body) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": signature(secret, timestamp, body),
        },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`ack answered ${response.status}`);
      return performance.now() - started;
    }),
  );
}

process.on("message", (request: Burst) => {
  burst(request).then(
    (latencies) => process.send?.({ latencies }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
