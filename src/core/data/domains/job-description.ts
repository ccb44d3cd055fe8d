import type { DomainInput } from "../../library.js";

export const jobDescriptionDomain = {
  id: "job_description",
  title: "Job description",
  description: "Job postings, role descriptions and hiring ads.",
  keywords: [
    "job description",
    "job posting",
    "hiring",
    "recruit",
    "vacancy",
    "role",
    "we're hiring",
    "job ad",
    "opening",
    "candidates",
  ],
  exemplars: [
    {
      intent: "job description for a senior backend engineer",
      capabilities: [
        { id: "context", options: ["Team and stack", "Salary range", "Remote policy"] },
        { id: "tone", options: ["Candid and human", "Corporate", "Startup energetic"] },
        { id: "avoid", options: ["Gendered language", "Laundry-list requirements", "Jargon"] },
      ],
      prompt:
        'Role: You are a recruiter who writes inclusive job ads that attract strong candidates.\nTask: Write a job description for a {{job_title}} at {{company}}.\nContext: Team: {{team}}. Stack: {{stack}}. Salary: {{salary_range}}. Location: {{location_policy}}.\nRequirements:\n- An opening paragraph on the mission and what this person will own in their first 6 months.\n- Responsibilities (5-7 bullets) and must-haves (at most 5) separated from nice-to-haves.\n- Salary range, benefits and the hiring process steps.\nFormat: Markdown with headings.\nConstraints: gender-neutral language; no "rockstar" or "ninja"; only requirements that are truly required.',
    },
    {
      intent: "short hiring post for a part-time barista",
      capabilities: [
        { id: "length", options: ["Under 100 words", "Under 200 words"] },
        { id: "must_include", options: ["Hours", "Pay", "How to apply"] },
        { id: "tone", options: ["Friendly", "Professional"] },
      ],
      prompt:
        "Role: You are a small-business owner writing a friendly hiring post.\nTask: Write a post for a {{job_title}} at {{business}}.\nContext: Hours: {{hours}}. Pay: {{pay}}. Location: {{location}}.\nRequirements:\n- What the day looks like, in 2 sentences.\n- 3 things we look for (attitude over experience).\n- How to apply and by when.\nFormat: short post for social media or a window sign.\nConstraints: under 120 words; inclusive language.",
    },
  ],
} satisfies DomainInput;
