/**
 * Operator access rules: allow and block lists for workspaces (Slack teams, Discord guilds), channels
 * and users, and DMs on or off. Applied in front of the engine, so every platform obeys the same rules.
 */

import { withPolicy } from "../engine/reply-policy.js";
import {
  type ClaimRequest,
  type ClaimResult,
  claimRequestOf,
  type EngineReply,
  type TailorEngine,
} from "../engine-api.js";
import { EN } from "../messages/catalog.js";
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

const listed = (allow: string[], block: string[], id: string): boolean =>
  !block.includes(id) && (allow.length === 0 || allow.includes(id));

export type AccessDecision = "allowed" | "blocked" | "dms_off";

/** What the rules look at: where (the event's `direct` flag, not a platform's channel-id habits) and who. */
export type AccessSubject = Pick<ClaimRequest, "place" | "user" | "direct">;

export function decideAccess(rules: AccessRules, subject: AccessSubject): AccessDecision {
  if (subject.direct && !rules.directMessages) return "dms_off";
  const allowed =
    listed(rules.allowUsers, rules.blockUsers, subject.user.id) &&
    (subject.direct ||
      (listed(rules.allowWorkspaces, rules.blockWorkspaces, subject.place.workspace) &&
        listed(rules.allowChannels, rules.blockChannels, subject.place.channel)));
  return allowed ? "allowed" : "blocked";
}

const refusal = (decision: Exclude<AccessDecision, "allowed">): EngineReply =>
  withPolicy(
    decision === "dms_off"
      ? {
          kind: "notice",
          code: "dms_off",
          text: EN.dmsOff,
        }
      : {
          kind: "notice",
          code: "not_allowed",
          text: EN.notAllowed,
        },
  );

/**
 * Refused events are dropped; only one that asks for a new conversation is told why (privately).
 * The claim applies the rules too, so an adapter never posts a root message or opens a thread for an
 * event the rules refuse.
 */
export function withAccessPolicy(engine: TailorEngine, rules: AccessRules, logger: Logger): TailorEngine {
  const refused = (request: ClaimRequest): Exclude<AccessDecision, "allowed"> | undefined => {
    const decision = decideAccess(rules, request);
    if (decision === "allowed") return undefined;
    logger.info("event refused by access rules", {
      decision,
      platform: request.place.platform,
      workspace: request.place.workspace,
      channel: request.place.channel,
      user: request.user.id,
    });
    return decision;
  };
  return {
    async claim(request, signal): Promise<ClaimResult> {
      const decision = refused(request);
      if (!decision) return engine.claim(request, signal);
      // Claimed all the same, so a redelivery is not told twice.
      const claim = await engine.claim(request, signal);
      if (!claim.claimed) return claim;
      return { claimed: false, replies: request.starts ? [refusal(decision)] : [] };
    },
    async handle(event, options): Promise<EngineReply[]> {
      const request = claimRequestOf(event);
      const decision = refused(request);
      if (!decision) return engine.handle(event, options);
      const replies = request.starts ? [refusal(decision)] : [];
      if (options?.deliver && replies.length > 0)
        await options.deliver(replies, { refs: {}, setRefs: async () => false });
      return replies;
    },
    async defaults(request, signal): Promise<EngineReply[]> {
      const { eventId, place, user } = request;
      const decision = refused({ eventId, place, user, direct: false, starts: true });
      return decision ? [refusal(decision)] : engine.defaults(request, signal);
    },
  };
}
