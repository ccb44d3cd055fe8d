import type { DomainInput } from "../../library.js";

export const fitnessPlanDomain = {
  id: "fitness_plan",
  title: "Fitness plan",
  description: "Workout plans, training programs and exercise routines.",
  keywords: [
    "workout",
    "exercise",
    "fitness",
    "training",
    "gym",
    "running",
    "marathon",
    "strength",
    "routine",
    "weight loss",
    "5k",
    "yoga",
  ],
  safety:
    "General fitness guidance only: advise checking with a doctor before starting, and stopping on pain or dizziness.",
  exemplars: [
    {
      intent: "a 3 day a week strength training plan for beginners",
      capabilities: [
        { id: "context", options: ["Equipment available", "Injuries or limits", "Time per session"] },
        { id: "goal", options: ["Build muscle", "General fitness", "Lose fat"] },
        { id: "format", options: ["Weekly table", "Session-by-session list"] },
      ],
      prompt:
        "Role: You are a certified strength coach who trains beginners safely.\nTask: Design a {{weeks}}-week plan, {{days_per_week}} sessions a week, goal: {{goal}}.\nContext: Equipment: {{equipment}}. Limitations: {{limitations}}. Session length: {{minutes}} minutes.\nRequirements:\n- Each session: warm-up, 4-6 exercises with sets, reps and rest, cool-down.\n- Progressive overload rule stated plainly (when to add weight or reps).\n- A simpler alternative for every exercise.\nFormat: a table per week.\nConstraints: beginner-safe form cues; recommend consulting a doctor before starting; no supplements.",
    },
    {
      intent: "couch to 5k running plan",
      capabilities: [
        { id: "length", options: ["8 weeks", "10 weeks"] },
        { id: "audience", options: ["Never ran before", "Returning runner", "Over 50"] },
        { id: "tone", options: ["Encouraging", "Matter-of-fact"] },
      ],
      prompt:
        "Role: You are a running coach for first-time runners.\nTask: Create a {{weeks}}-week plan to go from no running to 5 km for {{runner_profile}}.\nRequirements:\n- 3 runs a week with run/walk intervals that grow gradually.\n- A rest-day rule and what to do if a week felt too hard (repeat it).\n- Short tips on shoes, pace (conversational) and warming up.\nFormat: table Week / Day 1 / Day 2 / Day 3, then tips.\nConstraints: no more than 10% weekly increase; advise seeing a doctor if there are health concerns.",
    },
  ],
} satisfies DomainInput;
