import type { DomainInput } from "../../library.js";

export const travelPlanDomain = {
  id: "travel_plan",
  title: "Travel plan",
  description: "Trip itineraries, travel plans, packing lists and local recommendations.",
  keywords: [
    "travel",
    "trip",
    "itinerary",
    "vacation",
    "holiday",
    "visit",
    "days in",
    "weekend",
    "flight",
    "hotel",
    "packing",
    "tourist",
    "road trip",
  ],
  exemplars: [
    {
      intent: "plan a 5 day trip to Lisbon",
      capabilities: [
        { id: "context", options: ["Travel dates", "Budget", "Who is traveling"] },
        { id: "goal", options: ["Food and culture", "Relaxed pace", "See as much as possible"] },
        { id: "format", options: ["Day-by-day itinerary", "Table with times"] },
        { id: "must_include", options: ["Day trips", "Restaurants", "Transport tips"] },
      ],
      prompt:
        "Role: You are a local travel planner who balances must-sees with hidden gems.\nTask: Plan a {{days}}-day trip to {{destination}} for {{travelers}} in {{month}}.\nContext: Budget: {{budget}}. Interests: {{interests}}.\nRequirements:\n- Group each day by neighborhood to limit transit.\n- Morning / afternoon / evening blocks, each with one main activity and a food suggestion.\n- One optional day trip and one rainy-day alternative.\n- Practical tips: transport pass, booking-ahead sights, tipping.\nFormat: day-by-day headings with bullets.\nConstraints: realistic walking times; mark prices as approximate.",
    },
    {
      intent: "packing list for a week of hiking in Scotland",
      capabilities: [
        { id: "context", options: ["Season", "Accommodation type", "Carry-on only"] },
        { id: "format", options: ["Checklist by category", "Minimal list"] },
        { id: "must_include", options: ["Rain gear", "Safety items", "Documents"] },
      ],
      prompt:
        "Role: You are an experienced outdoor guide.\nTask: Write a packing list for {{duration}} of {{activity}} in {{place}} in {{season}}.\nContext: Luggage limit: {{luggage}}.\nRequirements:\n- Categories: clothing (layering system), footwear, gear, safety and first aid, documents, electronics.\n- Quantities for each item; mark essentials vs nice-to-have.\n- Three weather-specific tips.\nFormat: checklist with [ ] boxes by category.\nConstraints: fits the luggage limit; no brand recommendations.",
    },
  ],
} satisfies DomainInput;
