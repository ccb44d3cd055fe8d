/**
 * Runs one engine turn for a Slack event: progress, the streamed draft and the replies go through
 * `SlackTurn`, inside the turn (under the conversation's lock, with its message refs). The engine
 * decides who sees each reply and when a round is over; this file only wires a Slack event to it.
 */
import type { webApi } from "@slack/bolt";
import type { EngineReply, InboundEvent, TailorEngine, TurnIo } from "../../core/engine-api.js";
import { REF_NAMES } from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import type { AssistantSurface } from "./assistant-surface.js";
import { closeQuestionBlocks } from "./close-questions.js";
import { renderReply } from "./render-reply.js";
import type { Block } from "./slack-message.js";
import { SlackTurn } from "./slack-turn.js";
import { ThreadPoster, type ThreadTarget } from "./thread-poster.js";

/** The message holding the control that was clicked, as the action payload showed it. */
export interface ClickedMessage {
  ts: string;
  text: string;
  blocks: Block[];
}

export interface RunOptions {
  /** The adapter claimed the event already (before posting the /tailor root message). */
  claimed?: boolean;
  clicked?: ClickedMessage;
  /** The conversation lives in an assistant thread: status line and title. */
  surface?: AssistantSurface;
  signal: AbortSignal;
}

/** Kept in the conversation's refs once the assistant thread has its title (set once, from the intent). */
const TITLE_REF = "assistantTitle";

export class TurnRunner {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly engine: TailorEngine,
    private readonly logger: Logger,
    /** At most one draft update per this many ms (tests shorten it). */
    private readonly draftIntervalMs?: number,
  ) {}

  async run(event: InboundEvent, target: ThreadTarget, options: RunOptions): Promise<void> {
    const poster = new ThreadPoster(this.client, { ...target, teamId: event.key.workspace }, this.logger);
    if (event.kind === "stop") return this.stop(event, poster, options.signal);
    const clicked = options.clicked;
    const surface = options.surface;
    // A click on a questions message whose ref was never saved (a conversation older than refs).
    const fallback = clicked && (event.kind === "answer" || event.kind === "skip") ? clicked.ts : undefined;
    const turn = new SlackTurn(poster, {
      ...(fallback ? { questionsFallbackTs: fallback } : {}),
      ...(surface ? { setStatus: surface.setStatus } : {}),
      ...(this.draftIntervalMs !== undefined ? { draftIntervalMs: this.draftIntervalMs } : {}),
    });
    await this.engine.handle(event, {
      signal: options.signal,
      ...(options.claimed ? { claimed: true } : {}),
      onProgress: turn.onProgress,
      onDraft: turn.onDraft,
      deliver: async (replies, io) => {
        if (surface && event.kind === "message") await titleOnce(surface, event.text, io);
        // A used retry button goes away as the step's outcome arrives (the payload shows its message).
        if (clicked && event.kind === "retry" && replies.some((r) => r.visibility === "public")) {
          const blocks = closeQuestionBlocks(clicked.blocks, { roundOver: true, note: "Retried." });
          await poster.update(clicked.ts, { text: clicked.text, blocks });
        }
        await turn.deliver(replies, io);
      },
    });
  }

  /**
   * Stop never waits for the turn it stops (that turn then says it was stopped, with a retry button):
   * its own reply is a private word at most, rendered here once whichever way the engine hands it over.
   */
  private async stop(event: InboundEvent, poster: ThreadPoster, signal: AbortSignal): Promise<void> {
    let delivered = false;
    const show = async (replies: readonly EngineReply[]) => {
      delivered = true;
      for (const reply of replies) {
        if (reply.visibility === "private") await poster.postEphemeral(renderReply(reply));
        else await poster.post(renderReply(reply));
      }
    };
    const replies = await this.engine.handle(event, { signal, deliver: (replies) => show(replies) });
    if (!delivered) await show(replies);
  }
}

/**
 * The assistant thread's title, from the intent: set by the turn of the conversation's first message
 * (nothing posted for it yet), once the record exists to remember it.
 */
async function titleOnce(surface: AssistantSurface, text: string, io: TurnIo): Promise<void> {
  const refs = io.refs;
  if (refs[TITLE_REF] || refs[REF_NAMES.prompt] || refs[REF_NAMES.questions]) return;
  if (await io.setRefs({ [TITLE_REF]: "set" })) await surface.setTitle(text);
}
