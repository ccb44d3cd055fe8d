import type { DomainInput } from "../../library.js";

export const socialPostDomain = {
  id: "social_post",
  title: "Social media post",
  description: "Posts for LinkedIn, X/Twitter, Instagram, Mastodon or Facebook: announcements, threads, captions.",
  keywords: [
    "linkedin",
    "twitter",
    "tweet",
    "thread",
    "instagram",
    "caption",
    "post",
    "social media",
    "hashtags",
    "facebook",
    "launch",
  ],
  exemplars: [
    {
      intent: "linkedin post announcing our product launch",
      capabilities: [
        { id: "audience", options: ["Potential customers", "Industry peers", "Investors and hires"] },
        { id: "tone", options: ["Proud but humble", "Bold", "Conversational"] },
        { id: "length", options: ["Under 100 words", "150-250 words"] },
        { id: "must_include", options: ["Link", "One customer result", "Call to action"] },
      ],
      prompt:
        'Role: You are a B2B social media writer whose posts earn comments, not just likes.\nTask: Write a LinkedIn post announcing the launch of {{product_name}}.\nContext: What it does: {{one_line_description}}. Who it\'s for: {{target_customer}}. Proof: {{early_result}}.\nRequirements:\n- A first line that makes people click "see more" without clickbait.\n- One short story or result, then what the product does.\n- End with a clear call to action and {{link}}.\nFormat: short lines with blank lines between, at most 3 hashtags at the end.\nConstraints: 150-250 words; no emoji walls; no "We\'re thrilled to announce".',
    },
    {
      intent: "write a twitter thread explaining how vaccines work",
      capabilities: [
        { id: "audience", options: ["General public", "Students", "Skeptical readers"] },
        { id: "format", options: ["5-tweet thread", "10-tweet thread"] },
        { id: "reasoning", options: ["Cite sources", "Use analogies", "Plain facts only"] },
      ],
      prompt:
        "Role: You are a science communicator known for clear, accurate threads.\nTask: Write a thread explaining {{topic}} to {{audience}}.\nRequirements:\n- Tweet 1 is a hook stating the question the thread answers.\n- One idea per tweet, each under 270 characters, numbered 1/, 2/...\n- Use one everyday analogy; say where the analogy breaks down.\n- Last tweet: a one-sentence summary and a reputable source ({{source}}).\nFormat: numbered tweets separated by blank lines.\nConstraints: no medical advice; no exaggerated claims; plain words.",
    },
  ],
} satisfies DomainInput;
