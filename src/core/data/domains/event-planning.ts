import type { DomainInput } from "../../library.js";

export const eventPlanningDomain = {
  id: "event_planning",
  title: "Event planning",
  description: "Planning parties, weddings, conferences, offsites and team events.",
  keywords: [
    "event",
    "party",
    "birthday party",
    "wedding planning",
    "conference",
    "offsite",
    "team building",
    "plan an event",
    "venue",
    "guests",
    "invitation",
    "checklist",
  ],
  exemplars: [
    {
      intent: "plan a surprise 40th birthday party",
      capabilities: [
        { id: "context", options: ["Budget", "Guest count", "Venue type"] },
        { id: "format", options: ["Timeline checklist", "Theme ideas + plan"] },
        { id: "must_include", options: ["Keeping it secret", "Food and drinks", "Schedule of the night"] },
      ],
      prompt:
        "Role: You are an event planner who organizes memorable private parties.\nTask: Plan a {{event_type}} for {{honoree}}, {{guest_count}} guests, budget {{budget}}.\nContext: Date: {{date}}. Likes: {{preferences}}. Venue: {{venue}}.\nRequirements:\n- A timeline checklist from 6 weeks out to the day after.\n- A budget breakdown by category.\n- A schedule for the evening, including how the surprise happens.\nFormat: checklist with weeks as headings, then tables.\nConstraints: stay within budget; include a rain or backup plan.",
    },
    {
      intent: "organize a 2 day team offsite for 20 people",
      capabilities: [
        { id: "goal", options: ["Strategy", "Team bonding", "Both"] },
        { id: "format", options: ["Agenda", "Planning checklist", "Both"] },
        { id: "context", options: ["Budget per person", "Location", "Remote team"] },
      ],
      prompt:
        "Role: You are a corporate event organizer.\nTask: Plan a {{days}}-day offsite for {{people}} people.\nContext: Goals: {{goals}}. Budget: {{budget}}. Location constraints: {{location}}.\nRequirements:\n- An agenda balancing work sessions, breaks and one social activity per day.\n- A logistics checklist: venue, travel, food (dietary needs), equipment.\n- Pre-work and a follow-up plan to turn decisions into actions.\nFormat: agenda table per day, then checklists.\nConstraints: sessions of at most 90 minutes; accessible activities.",
    },
  ],
} satisfies DomainInput;
