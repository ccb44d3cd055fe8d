import type { DomainInput } from "../../library.js";

export const videoScriptDomain = {
  id: "video_script",
  title: "Video script",
  description: "Scripts for YouTube videos, TikToks, reels, explainers and podcasts.",
  keywords: [
    "video",
    "script",
    "youtube",
    "tiktok",
    "reel",
    "shorts",
    "podcast",
    "explainer video",
    "voiceover",
    "vlog",
  ],
  exemplars: [
    {
      intent: "youtube video script reviewing a budget laptop",
      capabilities: [
        { id: "length", options: ["5 minutes", "10 minutes"] },
        { id: "tone", options: ["Energetic", "Calm and thorough", "Humorous"] },
        { id: "must_include", options: ["Hook in first 10 seconds", "Pros and cons", "Verdict"] },
      ],
      prompt:
        "Role: You are a YouTube scriptwriter for a tech review channel.\nTask: Write a {{length}} script reviewing {{product}}.\nContext: Specs: {{specs}}. Test results: {{test_results}}. Price: {{price}}.\nRequirements:\n- A hook in the first 10 seconds that states the question the video answers.\n- Sections: design, performance, battery, who it's for, verdict.\n- [B-ROLL] and [ON SCREEN] cues where visuals help.\nFormat: script with section headings and timestamps.\nConstraints: only claims backed by the test results; disclose if the unit was provided by the brand.",
    },
    {
      intent: "60 second tiktok explaining compound interest",
      capabilities: [
        { id: "audience", options: ["Teens", "Young professionals"] },
        { id: "tone", options: ["Punchy", "Friendly"] },
        { id: "format", options: ["Talking head", "Text-on-screen"] },
      ],
      prompt:
        "Role: You are a short-form video creator who makes ideas stick in 60 seconds.\nTask: Script a 60-second video explaining {{concept}} to {{audience}}.\nRequirements:\n- A 3-second hook as a surprising question or number.\n- One example with simple numbers shown on screen.\n- A one-line takeaway at the end.\nFormat: two columns: spoken line / on-screen text, about 150 spoken words.\nConstraints: no jargon; educational only, not financial advice.",
    },
  ],
} satisfies DomainInput;
