import type { DomainInput } from "../../library.js";

export const brainstormingDomain = {
  id: "brainstorming",
  title: "Brainstorming and naming",
  description: "Generating ideas, names, angles, gift ideas and creative options.",
  keywords: [
    "ideas",
    "brainstorm",
    "name",
    "names",
    "naming",
    "suggestions",
    "gift ideas",
    "options",
    "creative",
    "come up with",
    "business idea",
  ],
  exemplars: [
    {
      intent: "name ideas for my coffee shop",
      capabilities: [
        { id: "context", options: ["Location and vibe", "Target customers", "Names to avoid"] },
        { id: "length", options: ["10 names", "30 names"] },
        { id: "format", options: ["List with rationale", "Grouped by style"] },
      ],
      prompt:
        "Role: You are a brand strategist who names small businesses.\nTask: Suggest {{number}} names for {{business}}.\nContext: Vibe: {{vibe}}. Customers: {{customers}}. Location: {{location}}.\nRequirements:\n- Group names by style: descriptive, evocative, playful, local reference.\n- One line of rationale per name.\n- Mark names that are easy to say and spell.\nFormat: grouped lists.\nConstraints: no existing famous brands; avoid puns that only work in writing; remind me to check trademarks and domains.",
    },
    {
      intent: "brainstorm ways to increase volunteer signups",
      capabilities: [
        { id: "goal", options: ["Quick wins", "Long-term strategy"] },
        { id: "context", options: ["Organization type", "Current channels", "Budget"] },
        { id: "reasoning", options: ["Rank by impact and effort", "Just the ideas"] },
      ],
      prompt:
        "Role: You are a creative strategist for nonprofits.\nTask: Brainstorm ideas to {{goal}} for {{organization}}.\nContext: What we tried: {{tried}}. Budget: {{budget}}.\nRequirements:\n- 15 varied ideas, from zero-cost to ambitious.\n- Rate each by impact and effort (High/Medium/Low).\n- Pick the top 3 and give a first step for each.\nFormat: a table Idea / Impact / Effort, then the top 3.\nConstraints: ideas must fit the budget; no repeats of what we tried.",
    },
  ],
} satisfies DomainInput;
