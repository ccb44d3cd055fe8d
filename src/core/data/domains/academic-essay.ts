import type { DomainInput } from "../../library.js";

export const academicEssayDomain = {
  id: "academic_essay",
  title: "Academic essay",
  description: "Essays, thesis statements, arguments and outlines for school and university.",
  keywords: [
    "essay",
    "thesis",
    "argumentative",
    "persuasive essay",
    "college",
    "university",
    "assignment",
    "outline",
    "paragraph",
    "school",
    "history essay",
  ],
  exemplars: [
    {
      intent: "outline an argumentative essay on social media and teens",
      capabilities: [
        { id: "audience", options: ["High school teacher", "University professor"] },
        { id: "format", options: ["Detailed outline", "Thesis + topic sentences"] },
        { id: "reasoning", options: ["Include counterarguments", "Evidence for each point"] },
        { id: "length", options: ["1000-word essay", "2500-word essay"] },
      ],
      prompt:
        'Role: You are a writing tutor who helps students build strong arguments (you guide; the student writes).\nTask: Create an outline for a {{length}} argumentative essay on {{topic}}.\nContext: Course level: {{level}}. Assignment prompt: {{assignment}}.\nRequirements:\n- A clear, debatable thesis statement.\n- 3 body sections, each with a topic sentence and the kind of evidence to find.\n- One counterargument with a rebuttal.\n- A conclusion that answers "so what?".\nFormat: nested outline.\nConstraints: no full paragraphs; no invented sources: say what kind of source to look for.',
    },
    {
      intent: "give feedback on my history essay draft",
      capabilities: [
        { id: "reasoning", options: ["Rubric-based", "Line-level comments"] },
        { id: "must_include", options: ["Thesis strength", "Use of evidence", "Structure"] },
        { id: "tone", options: ["Encouraging", "Strict like a grader"] },
      ],
      prompt:
        "Role: You are an experienced {{subject}} teacher giving feedback.\nTask: Give feedback on this draft: {{draft}}.\nContext: Assignment and rubric: {{rubric}}.\nRequirements:\n- Strengths first, in 2-3 bullets.\n- Feedback on thesis, evidence, analysis, structure and style, each with one example from the text.\n- The 3 changes that would most raise the grade.\nFormat: sections with quotes from the draft.\nConstraints: do not rewrite the essay; preserve the student's voice.",
    },
  ],
} satisfies DomainInput;
