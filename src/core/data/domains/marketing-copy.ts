import type { DomainInput } from "../../library.js";

export const marketingCopyDomain = {
  id: "marketing_copy",
  title: "Marketing copy",
  description: "Ads, landing pages, product descriptions, taglines and sales copy.",
  keywords: [
    "ad",
    "ads",
    "landing page",
    "product description",
    "tagline",
    "slogan",
    "copy",
    "sales",
    "headline",
    "conversion",
    "google ads",
    "ecommerce",
  ],
  exemplars: [
    {
      intent: "product description for my handmade candles shop",
      capabilities: [
        { id: "audience", options: ["Gift shoppers", "Eco-conscious buyers", "Luxury buyers"] },
        { id: "tone", options: ["Cozy and sensory", "Minimal and elegant", "Playful"] },
        { id: "must_include", options: ["Scent notes", "Burn time", "Materials"] },
        { id: "length", options: ["50 words", "100-150 words"] },
      ],
      prompt:
        'Role: You are an e-commerce copywriter for small artisan brands.\nTask: Write a product description for {{product_name}}.\nContext: Scent notes: {{scent_notes}}. Materials: {{materials}}. Burn time: {{burn_time}}. Price: {{price}}.\nRequirements:\n- Open with a sensory line the reader can almost smell.\n- Then the facts a buyer checks: materials, burn time, size.\n- End with a gifting or self-care angle.\nFormat: a 1-sentence hook, a short paragraph, then 3 bullet facts.\nConstraints: 100-150 words; no health claims; no superlatives like "best ever".',
    },
    {
      intent: "google ads headlines for a bike repair service",
      capabilities: [
        { id: "goal", options: ["Bookings", "Phone calls", "Store visits"] },
        { id: "format", options: ["15 headlines + 4 descriptions", "5 headlines to test"] },
        { id: "must_include", options: ["Location", "Price or offer", "Same-day service"] },
      ],
      prompt:
        "Role: You are a performance marketer who writes search ads within strict character limits.\nTask: Write responsive search ad assets for {{business}} in {{city}}.\nContext: Offer: {{offer}}. Differentiators: {{differentiators}}.\nRequirements:\n- 15 headlines of at most 30 characters, each standing alone.\n- 4 descriptions of at most 90 characters.\n- Include the city in at least 3 headlines and the offer in at least 2.\nFormat: two numbered lists with the character count after each line.\nConstraints: no exclamation marks in headlines; no claims we cannot prove.",
    },
  ],
} satisfies DomainInput;
