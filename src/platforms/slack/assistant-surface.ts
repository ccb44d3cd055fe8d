/**
 * Slack's assistant container (the AI-app surface) through Bolt's `Assistant` class: suggested prompts
 * when a thread opens, and for each user message the same conversation turn as a DM, plus the
 * thread's status line while the model works and its title from the intent. The surface calls are
 * best effort: a refusal is logged and the conversation goes on.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/ai-apps
 */
import { Assistant } from "@slack/bolt";
import type { Logger } from "../../core/ports.js";
import { plainLabel } from "./mrkdwn.js";
import type { SuggestedPrompt } from "./suggested-prompts.js";

/** What a turn in an assistant thread can set besides its messages. */
export interface AssistantSurface {
  /** The status line under the thread ("" clears it). Never throws. */
  setStatus(status: string): Promise<void>;
  /** The thread's title. Never throws. */
  setTitle(title: string): Promise<void>;
}

export interface AssistantOptions {
  prompts: readonly SuggestedPrompt[];
  logger: Logger;
  /** A user message in an assistant thread: handled like a DM message, with the surface. */
  onUserMessage(
    args: { event: unknown; body: { team_id?: string }; context: { teamId?: string; botUserId?: string } },
    surface: AssistantSurface,
  ): Promise<void>;
}

/** A thread title: the intent's first line, short enough to read in the sidebar. */
const TITLE_MAX = 80;
export const titleOf = (intent: string): string => plainLabel(intent.trim().split("\n")[0] ?? "", TITLE_MAX);

export function createAssistant(options: AssistantOptions): Assistant {
  const { logger } = options;
  const quietly =
    (what: string, call: (text: string) => Promise<unknown>) =>
    async (text: string): Promise<void> => {
      try {
        await call(text);
      } catch (error) {
        logger.debug(`assistant ${what} failed`, { error });
      }
    };
  return new Assistant({
    threadStarted: async ({ setSuggestedPrompts }) => {
      if (options.prompts.length === 0) return;
      try {
        await setSuggestedPrompts({ title: "Try one of these, or describe your own:", prompts: [...options.prompts] });
      } catch (error) {
        logger.warn("could not set the suggested prompts", { error });
      }
    },
    // The conversation is keyed by the thread, not by the channel the user is looking at: the context
    // Slack reports (which channel is open beside the assistant) changes nothing here.
    threadContextChanged: async () => {},
    userMessage: async ({ event, body, context, setStatus, setTitle }) => {
      const surface: AssistantSurface = {
        setStatus: quietly("status", (status) => setStatus(status)),
        setTitle: quietly("title", (title) => setTitle(titleOf(title))),
      };
      await options.onUserMessage({ event, body: body as { team_id?: string }, context }, surface);
    },
  });
}
