/**
 * The baseline of `npm run bench:ack`: a Bolt app in HTTP mode that only acknowledges `/tailor`
 * (same Bolt, same receiver settings as the bot). Prints "ready" once it listens.
 */
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const port = Number(process.env.SLACK_PORT);
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  endpoints: "/slack/events",
  port,
  processBeforeResponse: false,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? "xoxb-bench",
  receiver,
  logLevel: LogLevel.ERROR,
  tokenVerificationEnabled: false,
  botId: "B0BENCH",
  botUserId: "U0BENCH",
});
app.command("/tailor", async ({ ack }) => {
  await ack();
});
await app.start(port);
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  void app.stop().finally(() => process.exit(0));
});
