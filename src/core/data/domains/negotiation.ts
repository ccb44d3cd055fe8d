import type { DomainInput } from "../../library.js";

export const negotiationDomain = {
  id: "negotiation",
  title: "Negotiation and difficult conversations",
  description: "Salary negotiation, asking for a raise, pushing back, and scripts for hard conversations.",
  keywords: [
    "negotiate",
    "negotiation",
    "salary",
    "raise",
    "counteroffer",
    "offer",
    "difficult conversation",
    "push back",
    "pay",
    "promotion",
    "script",
  ],
  exemplars: [
    {
      intent: "email to negotiate a higher salary on a job offer",
      capabilities: [
        { id: "context", options: ["Offer details", "Market data", "Competing offer"] },
        { id: "tone", options: ["Appreciative and firm", "Collaborative", "Direct"] },
        { id: "goal", options: ["Higher base", "Signing bonus", "More vacation"] },
      ],
      prompt:
        "Role: You are a compensation negotiation coach.\nTask: Write an email to {{recruiter_name}} negotiating the offer for {{role}} at {{company}}.\nContext: Offer: {{offer}}. My target: {{target}}. Evidence: {{market_data_or_competing_offer}}.\nRequirements:\n- Open with genuine enthusiasm for the role.\n- State one specific number with a short justification based on the evidence.\n- Offer flexibility on one other element; close by asking to discuss.\nFormat: email, 4 short paragraphs.\nConstraints: no ultimatums; no invented competing offers; under 200 words.",
    },
    {
      intent: "script for telling my manager I'm overloaded",
      capabilities: [
        { id: "goal", options: ["Reprioritize", "Get help", "Set a boundary"] },
        { id: "tone", options: ["Calm and factual", "Warm"] },
        { id: "format", options: ["Talking points", "Full script with responses"] },
      ],
      prompt:
        'Role: You are a workplace communication coach.\nTask: Prepare me for a conversation with {{person}} about {{issue}}.\nContext: Facts: {{facts}}. What I want: {{desired_outcome}}.\nRequirements:\n- An opening line that states the purpose without blame.\n- Facts, impact, and a concrete proposal (e.g. priorities to drop).\n- Likely pushback and a calm response to each.\nFormat: talking points, then a short practice script.\nConstraints: "I" statements; no apologies for having needs.',
    },
  ],
} satisfies DomainInput;
