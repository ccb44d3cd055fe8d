/**
 * `/tailor defaults …`: shows, sets or clears a place's defaults. Every answer is a notice for the
 * person who asked; refusals and mistakes say what to do instead.
 */
import type { DefaultsRequest, EngineReply, ReplyBody } from "../engine-api.js";
import { isTailorError } from "../errors.js";
import { EN, fill } from "../messages/catalog.js";
import { localizeReply, messageLanguage } from "../messages/localize-replies.js";
import type { EngineDeps } from "./engine-deps.js";
import { notice } from "./engine-texts.js";
import { defaultsScope, defaultsUsage, describeDefaults, parseDefaultsCommand } from "./place-defaults.js";
import { failureReply, INTERNAL_ERROR_TEXT, withPolicy } from "./reply-policy.js";

export async function defaultsCommand(
  deps: EngineDeps,
  request: DefaultsRequest,
  signal?: AbortSignal,
): Promise<EngineReply[]> {
  const language = messageLanguage(request.text);
  try {
    if (!(await deps.store.claimEvent(request.eventId, signal))) return [];
    const bodies = await run(deps, request, signal);
    return bodies.map((body) => localizeReply(withPolicy(body), language));
  } catch (error) {
    deps.logger.warn("defaults command failed", { error });
    const message = isTailorError(error) ? error.userMessage : INTERNAL_ERROR_TEXT;
    return [localizeReply(failureReply(isTailorError(error) ? error.code : "internal", message, false), language)];
  }
}

async function run(deps: EngineDeps, request: DefaultsRequest, signal?: AbortSignal): Promise<ReplyBody[]> {
  const scope = defaultsScope(request.place);
  if (!scope) return [notice("defaults_usage", EN.defaultsNoPlace)];
  const command = parseDefaultsCommand(request.text, deps.capabilities);
  if (command.action === "invalid")
    return [notice("defaults_usage", `${command.problem}. ${defaultsUsage(deps.capabilities)}`)];
  if (command.action !== "show" && !request.canManage)
    return [
      notice(
        "defaults_not_allowed",
        request.place.platform === "discord" ? EN.defaultsNotAllowedServer : EN.defaultsNotAllowed,
      ),
    ];
  const current = await deps.store.loadDefaults(scope, signal);
  if (command.action === "show")
    return [
      Object.keys(current).length === 0
        ? notice("defaults", EN.defaultsNone)
        : notice("defaults", fill(EN.defaultsShown, { list: describeDefaults(current, deps.capabilities) })),
    ];
  const next = { ...current };
  if (command.action === "set") Object.assign(next, command.values);
  else for (const id of command.ids) delete next[id];
  await deps.store.saveDefaults(scope, next, signal);
  deps.logger.info("channel defaults changed", { scope, by: request.user.id, settings: Object.keys(next) });
  return Object.keys(next).length === 0
    ? [notice("defaults", EN.defaultsCleared)]
    : [notice("defaults", fill(EN.defaultsSet, { list: describeDefaults(next, deps.capabilities) }))];
}
