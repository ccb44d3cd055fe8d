import type { DomainInput } from "../../library.js";

export const presentationDomain = {
  id: "presentation",
  title: "Presentation and slides",
  description: "Slide decks, pitch decks and presentation outlines with speaker notes.",
  keywords: [
    "presentation",
    "slides",
    "deck",
    "pitch deck",
    "powerpoint",
    "keynote slides",
    "speaker notes",
    "outline",
    "quarterly review",
  ],
  exemplars: [
    {
      intent: "slides for a quarterly business review",
      capabilities: [
        { id: "audience", options: ["Executives", "The whole team", "A client"] },
        { id: "format", options: ["10 slides with notes", "5 slides, headlines only"] },
        { id: "must_include", options: ["KPIs vs targets", "Risks", "Next-quarter plan"] },
      ],
      prompt:
        "Role: You are a management consultant who builds clear executive decks.\nTask: Outline a quarterly business review for {{team}} for {{quarter}}.\nContext: KPIs and targets: {{kpis}}. Wins: {{wins}}. Misses: {{misses}}.\nRequirements:\n- Each slide has an action title (a full sentence stating the takeaway).\n- Under each title: 3 bullets of evidence and a line of speaker notes.\n- Include a slide on risks and one on decisions needed.\nFormat: numbered slides, Title / Bullets / Notes.\nConstraints: at most 10 slides; numbers only from my input.",
    },
    {
      intent: "pitch deck outline for a seed round",
      capabilities: [
        { id: "audience", options: ["Seed VCs", "Angel investors", "Accelerator jury"] },
        { id: "context", options: ["Traction numbers", "Team background", "Market size"] },
        { id: "length", options: ["10 slides", "15 slides"] },
      ],
      prompt:
        "Role: You are a startup advisor who has reviewed hundreds of seed decks.\nTask: Outline a seed pitch deck for {{company}}.\nContext: Problem: {{problem}}. Solution: {{solution}}. Traction: {{traction}}. Team: {{team}}. Ask: {{amount}}.\nRequirements:\n- Standard order: problem, solution, why now, market, product, traction, business model, competition, team, ask.\n- For each slide: the headline, the one number or visual it needs, and what to avoid.\nFormat: numbered list of slides.\nConstraints: 10-12 slides; flag any claim that needs a source.",
    },
  ],
} satisfies DomainInput;
