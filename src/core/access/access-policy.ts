/**
 * Operator access rules: allow and block lists for workspaces (Slack teams, Discord guilds), channels
 * and users, and DMs on or off. Applied in front of the engine, so every platform obeys the same rules.
 */
import type { ConversationKey } from "../conversation.js";
import type { EngineReply, InboundEvent, TailorEngine } from "../engine-api.js";
import type { Logger } from "../ports.js";

export interface AccessRules {
  allowWorkspaces: string[];
  blockWorkspaces: string[];
  allowChannels: string[];
  blockChannels: string[];
  allowUsers: string[];
  blockUsers: string[];
  directMessages: boolean;
}

export const openAccess: AccessRules = {
  allowWorkspaces: [],
  blockWorkspaces: [],
  allowChannels: [],
  blockChannels: [],
  allowUsers: [],
  blockUsers: [],
  directMessages: true,
};

/** Discord DMs use the workspace "@dm"; Slack DM channel ids start with "D". */
export const isDirectMessage = (key: ConversationKey): boolean =>
  (key.platform === "discord" && key.workspace === "@dm") || (key.platform === "slack" && key.channel.startsWith("D"));

const listed = (allow: string[], block: string[], id: string): boolean =>
  !block.includes(id) && (allow.length === 0 || allow.includes(id));

export type AccessDecision = "allowed" | "blocked" | "dms_off";

export function decideAccess(rules: AccessRules, event: InboundEvent): AccessDecision {
  const direct = isDirectMessage(event.key);
  if (direct && !rules.directMessages) return "dms_off";
  const allowed =
    listed(rules.allowUsers, rules.blockUsers, event.user.id) &&
    (direct ||
      (listed(rules.allowWorkspaces, rules.blockWorkspaces, event.key.workspace) &&
        listed(rules.allowChannels, rules.blockChannels, event.key.channel)));
  return allowed ? "allowed" : "blocked";
}

/** Only an event that asks for a new conversation is answered when refused; everything else is dropped silently. */
const asksToStart = (event: InboundEvent): boolean =>
  event.kind === "start" || (event.kind === "message" && event.mayStart);

export function withAccessPolicy(engine: TailorEngine, rules: AccessRules, logger: Logger): TailorEngine {
  return {
    async handle(event, options): Promise<EngineReply[]> {
      const decision = decideAccess(rules, event);
      if (decision === "allowed") return engine.handle(event, options);
      logger.info("event refused by access rules", {
        decision,
        platform: event.key.platform,
        workspace: event.key.workspace,
        channel: event.key.channel,
        user: event.user.id,
      });
      if (!asksToStart(event)) return [];
      return decision === "dms_off"
        ? [
            {
              kind: "notice",
              code: "dms_off",
              text: "Direct messages are turned off for PromptTailor here. Mention me in a channel or use /tailor there.",
            },
          ]
        : [
            {
              kind: "notice",
              code: "not_allowed",
              text: "PromptTailor is not enabled for you in this place. Ask the person who runs the bot to allow it.",
            },
          ];
    },
  };
}
