import type { DomainInput } from "../../library.js";

export const blogPostDomain = {
  id: "blog_post",
  title: "Blog post and article",
  description: "Blog posts, articles, how-to guides and opinion pieces for the web.",
  keywords: [
    "blog",
    "article",
    "post",
    "seo",
    "how-to guide",
    "opinion piece",
    "listicle",
    "medium",
    "substack",
    "outline",
  ],
  exemplars: [
    {
      intent: "write a blog post about remote work productivity",
      capabilities: [
        { id: "audience", options: ["Managers", "Individual contributors", "Freelancers"] },
        { id: "goal", options: ["Practical tips", "Thought leadership", "Rank on search"] },
        { id: "length", options: ["800 words", "1500 words"] },
        { id: "tone", options: ["Conversational", "Authoritative", "Personal story"] },
      ],
      prompt:
        "Role: You are an experienced blogger who writes practical, evidence-based articles.\nTask: Write a blog post on {{topic}} for {{audience}}.\nRequirements:\n- A title under 60 characters and a two-sentence intro that states the reader's problem.\n- 4-6 sections with H2 headings, each giving one actionable idea and an example.\n- Mention the target keyword {{keyword}} naturally in the title, intro and one heading.\n- End with a short checklist the reader can use today.\nFormat: Markdown.\nConstraints: about 1000 words; no invented statistics (mark needed data as [source needed]); no filler intros.",
    },
    {
      intent: "how-to article on setting up a home aquarium for beginners",
      capabilities: [
        { id: "audience", options: ["Complete beginners", "Parents with kids", "Hobbyists upgrading"] },
        { id: "format", options: ["Step-by-step guide", "Checklist and tips"] },
        { id: "must_include", options: ["Budget", "Common mistakes", "Shopping list"] },
      ],
      prompt:
        "Role: You are a patient hobby expert writing for first-timers.\nTask: Write a step-by-step guide to {{task}} for complete beginners.\nRequirements:\n- Start with what the reader needs (shopping list with rough prices in {{currency}}).\n- Number each step; one action per step, with why it matters in one sentence.\n- A section of the 5 most common beginner mistakes.\nFormat: Markdown with H2 sections and numbered steps.\nConstraints: 900-1200 words; plain words, define any jargon on first use.",
    },
  ],
} satisfies DomainInput;
