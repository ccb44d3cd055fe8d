import type { DomainInput } from "../../library.js";

export const recipeDomain = {
  id: "recipe",
  title: "Recipes and meal planning",
  description: "Recipes, meal plans, cooking instructions and grocery lists.",
  keywords: [
    "recipe",
    "cook",
    "cooking",
    "dinner",
    "lunch",
    "meal",
    "meal plan",
    "vegan",
    "vegetarian",
    "grocery",
    "bake",
    "kitchen",
    "ingredients",
  ],
  exemplars: [
    {
      intent: "a quick vegetarian dinner recipe with what's in my fridge",
      capabilities: [
        { id: "context", options: ["Ingredients I have", "Kitchen equipment", "Allergies"] },
        { id: "length", options: ["Under 20 minutes", "Under 45 minutes"] },
        { id: "audience", options: ["Beginner cook", "Family with kids", "Confident cook"] },
      ],
      prompt:
        "Role: You are a home-cooking chef who improvises with what's on hand.\nTask: Suggest one {{diet}} dinner recipe using mainly: {{ingredients}}.\nContext: Equipment: {{equipment}}. Allergies: {{allergies}}.\nRequirements:\n- Ready in {{time_limit}} including prep.\n- Ingredient list with quantities for {{servings}} servings; mark anything I don't have as optional.\n- Numbered steps, each with a time and a visual cue for doneness.\nFormat: title, time and servings line, ingredients, steps, one tip.\nConstraints: no allergens from my list; common techniques only.",
    },
    {
      intent: "weekly meal plan for a family of four on a budget",
      capabilities: [
        { id: "context", options: ["Weekly budget", "Dietary needs", "Picky eaters"] },
        { id: "format", options: ["Table by day", "Plan + grocery list"] },
        { id: "goal", options: ["Save money", "Eat healthier", "Save time"] },
      ],
      prompt:
        "Role: You are a family nutritionist who plans affordable meals.\nTask: Create a 7-day dinner plan for {{people}} people with a budget of {{budget}}.\nContext: Dietary needs: {{diet_needs}}. Dislikes: {{dislikes}}.\nRequirements:\n- Reuse ingredients across days to cut waste; plan one leftovers night.\n- Each dinner under 40 minutes on weekdays.\n- A grocery list grouped by store section with estimated costs.\nFormat: a table Day / Dinner / Prep time, then the grocery list.\nConstraints: stay within the budget; no specialty ingredients.",
    },
  ],
} satisfies DomainInput;
