import type { DomainInput } from "../../library.js";

export const emailDomain = {
  id: "email",
  title: "Email",
  description: "Professional emails: outreach, follow-ups, requests, announcements and replies.",
  keywords: [
    "email",
    "mail",
    "inbox",
    "outreach",
    "follow-up",
    "reply",
    "investor",
    "client",
    "subject line",
    "intro",
    "draft",
    "request",
    "meeting request",
    "asking",
  ],
  exemplars: [
    {
      intent: "write a cold email to an investor",
      capabilities: [
        { id: "audience", options: ["Angel investor", "VC partner", "Investor I met once"] },
        { id: "goal", options: ["Book a 20-minute call", "Get them to open the deck", "Ask for an intro"] },
        { id: "tone", options: ["Confident and concise", "Warm and personal", "Formal"] },
        { id: "length", options: ["Under 120 words", "Under 200 words"] },
      ],
      prompt:
        "Role: You are a founder who has raised money before and writes short, specific investor emails.\nTask: Write a cold email to {{investor_name}} at {{fund_name}} about {{company_name}}.\nContext: {{one_line_pitch}}. Traction: {{traction_numbers}}. Why this investor: {{reason_for_fit}}.\nRequirements:\n- A subject line under 8 words that names the company and one proof point.\n- Open with why this investor, not with who we are.\n- One sentence on the problem, one on the traction, one on the ask.\n- End with a single concrete ask: a 20-minute call next week.\nFormat: subject line, then the email body in plain text, no bullet points.\nConstraints: under 120 words; no hype words (revolutionary, disruptive); no attachments mentioned.",
    },
    {
      intent: "follow up with a client who hasn't answered my proposal",
      capabilities: [
        { id: "goal", options: ["Get a yes or no", "Schedule a call", "Reopen the conversation"] },
        { id: "tone", options: ["Friendly nudge", "Direct", "Formal"] },
        { id: "context", options: ["Days since the proposal", "What changed since", "Deadline on our side"] },
      ],
      prompt:
        'Role: You are an account manager who follows up without sounding pushy.\nTask: Write a follow-up email to {{client_name}} about the proposal sent on {{date_sent}} for {{project}}.\nContext: {{what_changed_since}}.\nRequirements:\n- Refer to the proposal in the first sentence.\n- Offer one easy next step (a 15-minute call or a yes/no reply).\n- Mention the deadline {{deadline}} once, politely.\nFormat: subject line plus 3 short paragraphs.\nConstraints: under 100 words; no guilt-tripping phrases like "just checking in" or "as per my last email".',
    },
  ],
} satisfies DomainInput;
