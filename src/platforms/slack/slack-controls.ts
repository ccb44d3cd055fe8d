/**
 * The message controls and the slot modal: each acknowledged first (Slack's 3 seconds), then mapped to
 * the engine's plain events. Answer buttons, Skip, Retry and Stop are one event each; Submit reads the
 * form; a slot select writes a value, or opens a modal for "Other…" (views.open needs the click's
 * trigger_id within those 3 seconds, so it opens before any turn work); "What changed" shows the diff
 * its button carries to whoever clicked, privately.
 */
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from "@slack/bolt";
import type { InboundEvent, TailorEngine } from "../../core/engine-api.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import type { Logger } from "../../core/ports.js";
import { languageOfBlocks } from "./message-language.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { normalizeSlot, normalizeSubmit } from "./normalize-controls.js";
import {
  actionEnvelope,
  normalizeAction,
  type SlackBlockActionBody,
  type SlackButtonAction,
} from "./normalize-events.js";
import { renderDiff } from "./render-diff.js";
import { renderReply } from "./render-reply.js";
import type { ClickedMessage, RunOptions } from "./run-turn.js";
import {
  ANSWER_ACTION_PREFIX,
  DIFF_ACTION_ID,
  RETRY_ACTION_ID,
  SKIP_ACTION_ID,
  SLOT_ACTION_PREFIX,
  SLOT_OTHER_CALLBACK_ID,
  STOP_ACTION_ID,
  SUBMIT_ACTION_ID,
} from "./slack-ids.js";
import { type Block, message, section } from "./slack-message.js";
import { normalizeSlotSubmission, renderSlotModal, type SlotSubmissionBody } from "./slot-modal.js";
import { ThreadPoster, type ThreadTarget } from "./thread-poster.js";

export interface ControlDeps {
  app: App;
  /** The client background work calls Slack with (its calls give way to acknowledgements). */
  client: App["client"];
  engine: TailorEngine;
  logger: Logger;
  /** Runs a turn in the background once admitted (acknowledgements go first); ungated for Stop. */
  spawn(what: string, work: () => Promise<void>, gated?: boolean): void;
  runTurn(event: InboundEvent, target: ThreadTarget, options?: Omit<RunOptions, "signal">): Promise<void>;
  /** A capability's name for people (the modal's label). */
  labelOf(capability: string): string;
  signal(): AbortSignal;
}

export function registerControls(deps: ControlDeps): void {
  const { app, logger } = deps;
  const poster = (target: ThreadTarget) => new ThreadPoster(deps.client, target, logger);

  const onButton = async ({ ack, body, action }: ButtonArgs) => {
    await ack();
    const normalized = normalizeAction(body, action);
    if (!normalized) {
      logger.warn("dropped an action it could not read", { actionId: action.action_id });
      return;
    }
    const clicked = clickedMessage(body, normalized.messageTs);
    const target = { channel: normalized.channel, threadTs: normalized.event.key.thread, userId: body.user.id };
    // Stop never waits in line behind the turns it may have to stop.
    if (normalized.event.kind === "stop") {
      void deps.runTurn(normalized.event, target).catch((error: unknown) => logger.error("stop failed", { error }));
      return;
    }
    deps.spawn("action", () => deps.runTurn(normalized.event, target, { clicked }));
  };
  const answers = new RegExp(`^${ANSWER_ACTION_PREFIX}_\\d+$`);
  for (const id of [answers, SKIP_ACTION_ID, RETRY_ACTION_ID, STOP_ACTION_ID])
    app.action<BlockAction<ButtonAction>>({ type: "block_actions", action_id: id }, onButton);

  app.action<BlockAction<ButtonAction>>({ type: "block_actions", action_id: SUBMIT_ACTION_ID }, async (args) => {
    await args.ack();
    const submitted = normalizeSubmit(args.body as SlackBlockActionBody, args.action as SlackButtonAction);
    if (!submitted) {
      logger.warn("dropped a form submission it could not read");
      return;
    }
    if (submitted.kind === "empty") {
      const target = { channel: submitted.channel, threadTs: submitted.threadTs, userId: submitted.userId };
      // In the language the form itself was written in.
      const text = controlLabels(languageOfBlocks(args.body.message?.blocks)).emptyForm;
      await poster(target).postEphemeral(message(text, [section(escapeMrkdwn(text))]));
      return;
    }
    const clicked = clickedMessage(args.body, submitted.messageTs);
    const target = { channel: submitted.channel, threadTs: submitted.event.key.thread, userId: args.body.user.id };
    deps.spawn("form", () => deps.runTurn(submitted.event, target, { clicked }));
  });

  app.action<BlockAction<StaticSelectAction>>(
    { type: "block_actions", action_id: new RegExp(`^${SLOT_ACTION_PREFIX}_\\d+$`) },
    async ({ ack, body, action, client }) => {
      await ack();
      const choice = normalizeSlot(body as SlackBlockActionBody, action as SlackButtonAction);
      if (!choice) {
        logger.warn("dropped a slot choice it could not read", { actionId: action.action_id });
        return;
      }
      if (choice.kind === "other") {
        const labels = controlLabels(languageOfBlocks(body.message?.blocks));
        const view = renderSlotModal(choice.envelope, choice.capability, deps.labelOf(choice.capability), labels);
        await client.views
          .open({ trigger_id: body.trigger_id, view })
          .catch((error: unknown) => logger.warn("could not open the slot modal", { error }));
        return;
      }
      const target = { channel: choice.channel, threadTs: choice.event.key.thread, userId: body.user.id };
      deps.spawn("slot", () => deps.runTurn(choice.event, target));
    },
  );

  app.view(SLOT_OTHER_CALLBACK_ID, async ({ ack, body }) => {
    await ack();
    const event = normalizeSlotSubmission(body as SlotSubmissionBody);
    if (!event) {
      logger.warn("dropped a slot value it could not read");
      return;
    }
    const target = { channel: event.key.channel, threadTs: event.key.thread, userId: event.user.id };
    deps.spawn("slot", () => deps.runTurn(event, target));
  });

  app.action<BlockAction<ButtonAction>>({ type: "block_actions", action_id: DIFF_ACTION_ID }, async (args) => {
    await args.ack();
    const envelope = actionEnvelope(args.body as SlackBlockActionBody, args.action as SlackButtonAction);
    if (!envelope || typeof args.action.value !== "string") return;
    const { base, channel } = envelope;
    // The diff speaks the language of the prompt message whose button was clicked.
    const labels = controlLabels(languageOfBlocks(args.body.message?.blocks));
    deps.spawn("diff", async () => {
      // Claimed like every event: a redelivered click shows the diff once.
      const claim = await deps.engine.claim(
        {
          eventId: base.eventId,
          place: { platform: "slack", workspace: base.key.workspace, channel: base.key.channel },
          user: base.user,
          direct: base.direct,
          starts: false,
        },
        deps.signal(),
      );
      const target = poster({ channel, threadTs: base.key.thread, userId: base.user.id });
      if (!claim.claimed) {
        for (const reply of claim.replies) await target.postEphemeral(renderReply(reply));
        return;
      }
      await target.postEphemeral(renderDiff(String(args.action.value), labels));
    });
  });
}

/** The message holding the clicked control, as the payload showed it. */
function clickedMessage(body: BlockAction, ts: string): ClickedMessage {
  return { ts, text: body.message?.text ?? "", blocks: (body.message?.blocks ?? []) as Block[] };
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
