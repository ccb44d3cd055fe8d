import type { DomainInput } from "../../library.js";

export const coverLetterDomain = {
  id: "cover_letter",
  title: "Cover letter",
  description: "Cover letters and application letters for jobs, internships and programs.",
  keywords: [
    "cover letter",
    "application",
    "job",
    "apply",
    "hiring manager",
    "position",
    "internship",
    "role",
    "candidate",
  ],
  exemplars: [
    {
      intent: "write a cover letter for a data analyst job",
      capabilities: [
        { id: "context", options: ["My top 3 achievements", "Why this company", "Career change story"] },
        { id: "tone", options: ["Professional and warm", "Confident", "Understated"] },
        { id: "length", options: ["Under 250 words", "One full page"] },
        { id: "must_include", options: ["Quantified results", "Tools I use (SQL, Python)", "Availability date"] },
      ],
      prompt:
        'Role: You are a career coach who has read thousands of applications for analytics roles.\nTask: Write a cover letter for the {{job_title}} position at {{company}}.\nContext: Job posting: {{job_posting}}. My background: {{resume_highlights}}.\nRequirements:\n- Open with a specific reason I want this company, not a generic greeting line.\n- Match two or three of my achievements to the posting\'s stated needs, each with a number.\n- Name the tools I use that the posting asks for.\n- Close with a confident request for an interview.\nFormat: 3-4 paragraphs, plain text, ready to paste.\nConstraints: under 250 words; no clichés ("I am writing to apply", "team player"); do not invent experience.',
    },
    {
      intent: "cover letter for switching careers from teaching to UX design",
      capabilities: [
        { id: "goal", options: ["Explain the switch", "Show transferable skills", "Land a junior role"] },
        { id: "audience", options: ["Design lead", "Recruiter", "Startup founder"] },
        { id: "tone", options: ["Honest and motivated", "Polished", "Enthusiastic"] },
      ],
      prompt:
        "Role: You are a hiring manager turned career coach who helps career changers.\nTask: Write a cover letter for a {{target_role}} role at {{company}} from someone moving from {{previous_career}}.\nContext: Portfolio: {{portfolio_link}}. Relevant projects: {{projects}}. Transferable skills: {{skills}}.\nRequirements:\n- Frame the switch as a deliberate move in one or two sentences, without apologizing.\n- Translate two experiences from the old career into the new role's language.\n- Point to one portfolio project with its outcome.\nFormat: 3 paragraphs and a one-line sign-off.\nConstraints: under 300 words; no exaggeration of design experience.",
    },
  ],
} satisfies DomainInput;
