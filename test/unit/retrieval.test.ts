import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/core/library/load-library.js";
import { synthesizeCall } from "../../src/core/model-calls/synthesize-call.js";
import { createRetriever } from "../../src/core/retrieval/create-retriever.js";

/** Intents written for this test, the way users type them (not the exemplars' intents). */
const TABLE: Array<[string, string]> = [
  ["draft an email asking my landlord's agent for a meeting next week", "email"],
  ["cover letter for a nursing position at a children's hospital", "cover_letter"],
  ["improve the bullet points on my CV for a marketing role", "resume"],
  ["instagram caption for our bakery's new croissant", "social_post"],
  ["landing page headline and copy for a budgeting app", "marketing_copy"],
  ["a blog article on how to start composting at home", "blog_post"],
  ["quarterly newsletter for our neighborhood association", "newsletter"],
  ["a retirement speech for my colleague of 30 years", "speech"],
  ["slides for presenting our marketing results to the board", "presentation"],
  ["lesson plan teaching fractions to 4th graders", "lesson_plan"],
  ["explain how photosynthesis works so I can study for my exam", "study_guide"],
  ["a gluten free chocolate cake recipe", "recipe"],
  ["itinerary for a week in Japan with kids", "travel_plan"],
  ["a home workout routine without equipment", "fitness_plan"],
  ["how should I save for an emergency fund on my salary", "personal_finance"],
  ["review this pull request for readability issues", "code_review"],
  ["write a bash script to back up my photos every night", "code_generation"],
  ["I get a TypeError undefined is not a function, help me debug", "debugging"],
  ["postgres query that joins orders and customers by month", "sql"],
  ["find insights in this spreadsheet of website traffic", "data_analysis"],
  ["API reference documentation for our REST endpoints", "technical_docs"],
  ["what does this non-compete clause in my contract mean", "legal_explainer"],
  ["what do high cholesterol results on my lab report mean", "medical_explainer"],
  ["a sci-fi short story about a robot who learns to paint", "fiction"],
  ["a haiku about autumn rain", "poetry"],
  ["script for a youtube tutorial on knitting a scarf", "video_script"],
  ["respond to a customer asking for a refund on a broken blender", "support_reply"],
  ["turn my meeting notes into minutes with action items", "meeting_summary"],
  ["summarize this 20 page report into key points", "summarization"],
  ["translate our product page into french", "translation"],
  ["product requirements for a new onboarding feature", "product_spec"],
  ["job posting for a part-time graphic designer", "job_description"],
  ["practice questions for my software engineer interview", "interview_prep"],
  ["how do I ask my boss for a raise", "negotiation"],
  ["plan a baby shower for 30 guests", "event_planning"],
  ["come up with name ideas for my podcast", "brainstorming"],
  ["market research on electric bike competitors", "research_report"],
  ["thesis and outline for my essay on the french revolution", "academic_essay"],
  ["funding proposal for a community garden to a foundation", "grant_proposal"],
  ["annual performance review for my direct report", "performance_review"],
  ["thank you note to my neighbor who watered my plants", "personal_message"],
  ["a LinkedIn post about my new job", "social_post"],
  ["write a SQL index suggestion for a slow mysql table", "sql"],
  ["my phone won't connect to my bluetooth headphones anymore", "tech_troubleshooting"],
  ["how to get my toddler to sleep in her own bed", "parenting"],
  ["fix a squeaky door hinge", "home_repair"],
  ["my cat scratches the couch, how do I stop it", "pets"],
  ["when should I plant tomato seedlings outside", "gardening"],
  ["milestones and timeline for launching our mobile app", "project_planning"],
  ["how much protein should I eat a day to build muscle", "nutrition"],
  ["trivia questions about world capitals for a team quiz", "quiz"],
];

describe("retrieval", () => {
  const { domains } = loadLibrary();
  const retriever = createRetriever(domains);

  it("the table covers every domain", () => {
    expect(new Set(TABLE.map(([, d]) => d))).toEqual(new Set(domains.map((d) => d.id)));
  });

  it.each(TABLE)("%s → %s in the top 3", (intent, domain) => {
    const top = retriever.domains(intent, 3).map((d) => d.domain);
    expect(top).toContain(domain);
  });

  it("returns exemplars best first, with their domain and text", () => {
    const hits = retriever.exemplars("cold email to an investor", 3);
    expect(hits[0]?.domain).toBe("email");
    expect(hits[0]?.exemplar.prompt.length).toBeGreaterThan(100);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("finds nothing for an intent with no known words", () => {
    expect(retriever.domains("zzqx vvbn", 3)).toEqual([]);
  });
});

describe("retrieval carries safety rails", () => {
  it("a medical domain's guide carries its rails, and the synthesize call shows them", () => {
    const library = loadLibrary();
    const retriever = createRetriever(library.domains);
    const intent = "explain my blood test results";
    expect(retriever.domains(intent, 1)[0]?.domain).toBe("medical_explainer");
    const guide = retriever.guide("medical_explainer", intent);
    expect(guide.rails.join(" ")).toMatch(/not medical advice/i);
    const call = synthesizeCall({
      intent,
      capabilities: [],
      questions: [],
      freeText: [],
      guide,
      library: { catalog: library.capabilities, domains: retriever.summaries() },
      language: "English",
    });
    expect(call.user).toContain(guide.rails[0]);
  });

  it("health, money, legal and mental-health rails apply whatever the domain", () => {
    const retriever = createRetriever(loadLibrary().domains);
    expect(retriever.guide("other", "what dose of ibuprofen for my back pain").rails.join(" ")).toMatch(/doctor/);
    expect(retriever.guide("email", "email my landlord about the lease deposit").rails.join(" ")).toMatch(/lawyer/);
    expect(retriever.guide("poetry", "a poem about my anxiety").rails.join(" ")).toMatch(/crisis line/);
    expect(retriever.guide("recipe", "a quick pasta recipe").rails).toEqual([]);
  });
});
