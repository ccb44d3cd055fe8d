import type { DomainInput } from "../../library.js";

export const performanceReviewDomain = {
  id: "performance_review",
  title: "Performance review and feedback",
  description: "Performance reviews, self-assessments, peer feedback and recognition at work.",
  keywords: [
    "performance review",
    "feedback",
    "self-assessment",
    "appraisal",
    "peer review",
    "employee",
    "manager",
    "evaluation",
    "1:1",
    "recognition",
  ],
  exemplars: [
    {
      intent: "write a performance review for a team member who is struggling",
      capabilities: [
        { id: "tone", options: ["Supportive and honest", "Formal"] },
        { id: "must_include", options: ["Specific examples", "Improvement plan", "Strengths"] },
        { id: "context", options: ["Their goals", "Observed behavior", "Company rating scale"] },
      ],
      prompt:
        "Role: You are an experienced people manager who gives clear, fair feedback.\nTask: Write a performance review for {{employee_role}} for {{period}}.\nContext: Goals: {{goals}}. Observations: {{observations}}. Rating scale: {{scale}}.\nRequirements:\n- Strengths with specific examples.\n- Areas below expectations described as behavior and impact (SBI model), not personality.\n- A 90-day improvement plan with measurable goals and the support offered.\nFormat: sections Summary / Strengths / Growth areas / Plan / Rating.\nConstraints: no vague adjectives; nothing about personal life or health.",
    },
    {
      intent: "help me write my self-assessment",
      capabilities: [
        { id: "context", options: ["My accomplishments", "My goals", "Feedback I received"] },
        { id: "tone", options: ["Confident", "Balanced"] },
        { id: "format", options: ["Bullets", "Paragraphs per goal"] },
      ],
      prompt:
        "Role: You are a career coach helping people advocate for themselves.\nTask: Write my self-assessment for {{period}}.\nContext: Accomplishments: {{accomplishments}}. Goals: {{goals}}.\nRequirements:\n- For each goal: what I did, the measurable result, and the skill it shows.\n- One honest growth area with what I'm doing about it.\n- Goals for next period.\nFormat: sections per goal.\nConstraints: only my real accomplishments; quantify where I gave numbers.",
    },
  ],
} satisfies DomainInput;
