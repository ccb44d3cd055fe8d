/**
 * The Slack app manifest asks for what the adapter uses: the assistant container (its feature, the
 * `assistant:write` scope and its events), users.info for `/tailor defaults`, the message events for
 * threads, and the `/tailor` command.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TAILOR_COMMAND } from "../../src/platforms/slack/slack-ids.js";

const manifest = JSON.parse(readFileSync(new URL("../../commands/slack-manifest.json", import.meta.url), "utf8")) as {
  features: { assistant_view?: { assistant_description?: string }; slash_commands: Array<{ command: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
};

describe("the Slack app manifest", () => {
  it("enables the assistant container with its scope and events", () => {
    expect(manifest.features.assistant_view?.assistant_description).toBeTruthy();
    expect(manifest.oauth_config.scopes.bot).toContain("assistant:write");
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["assistant_thread_started", "assistant_thread_context_changed"]),
    );
  });

  it("keeps the command, thread messages, interactivity, and can read a user's role for /tailor defaults", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([TAILOR_COMMAND]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["app_mention", "message.channels", "message.groups", "message.im"]),
    );
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["chat:write", "users:read", "commands"]));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
