import type { DomainInput } from "../../library.js";

export const meetingSummaryDomain = {
  id: "meeting_summary",
  title: "Meeting notes and summaries",
  description: "Meeting summaries, minutes, action items and agendas from notes or transcripts.",
  keywords: [
    "meeting",
    "minutes",
    "notes",
    "transcript",
    "action items",
    "agenda",
    "standup",
    "recap",
    "decisions",
    "follow-up",
  ],
  exemplars: [
    {
      intent: "summarize this meeting transcript into action items",
      capabilities: [
        { id: "format", options: ["Decisions + action items table", "Short recap email"] },
        { id: "audience", options: ["Attendees", "People who missed it", "Leadership"] },
        { id: "must_include", options: ["Owners and due dates", "Open questions", "Decisions"] },
      ],
      prompt:
        'Role: You are a chief of staff who writes crisp meeting summaries.\nTask: Summarize this meeting transcript: {{transcript}}.\nContext: Attendees: {{attendees}}. Purpose: {{purpose}}.\nRequirements:\n- A 3-sentence summary of what was discussed and why it matters.\n- Decisions made, each in one line.\n- Action items in a table: Action / Owner / Due date (write "unassigned" or "no date" when missing).\n- Open questions to resolve.\nFormat: Markdown with the four sections.\nConstraints: only what was said; no invented owners or dates.',
    },
    {
      intent: "write an agenda for our quarterly planning meeting",
      capabilities: [
        { id: "length", options: ["1 hour", "Half day"] },
        { id: "goal", options: ["Agree on priorities", "Review last quarter", "Assign owners"] },
        { id: "format", options: ["Timed agenda", "Agenda + pre-reads"] },
      ],
      prompt:
        "Role: You are a facilitator who runs focused meetings.\nTask: Write an agenda for a {{duration}} {{meeting_type}} with {{participants}}.\nContext: Goals: {{goals}}. Inputs available: {{pre_reads}}.\nRequirements:\n- Each item with owner, time box and the expected outcome (decide, inform, discuss).\n- Pre-reads listed with who prepares them.\n- The last 10 minutes for decisions and next steps.\nFormat: timed table.\nConstraints: at most 6 items; buffer time included.",
    },
  ],
} satisfies DomainInput;
