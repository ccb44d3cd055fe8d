import type { DomainInput } from "../../library.js";

export const resumeDomain = {
  id: "resume",
  title: "Resume and CV",
  description: "Resume bullet points, summaries, CV sections and LinkedIn profiles.",
  keywords: [
    "resume",
    "cv",
    "bullet points",
    "experience",
    "linkedin profile",
    "summary",
    "achievements",
    "curriculum vitae",
    "ats",
  ],
  exemplars: [
    {
      intent: "rewrite my resume bullet points to sound more impressive",
      capabilities: [
        { id: "context", options: ["My current bullets", "The job I'm targeting", "Numbers I can share"] },
        { id: "format", options: ["One line per bullet", "STAR-style bullets"] },
        { id: "avoid", options: ["Buzzwords", "Invented numbers", "First person"] },
      ],
      prompt:
        "Role: You are a technical recruiter who rewrites resumes for applicant tracking systems and humans.\nTask: Rewrite these resume bullets for a {{target_role}} application: {{current_bullets}}.\nRequirements:\n- Start each bullet with a strong past-tense verb.\n- Show the result and its scale; use only numbers present in my input and mark missing ones as [add number].\n- Mirror keywords from this job posting where honest: {{job_posting}}.\nFormat: one bullet per line, at most 2 lines each, grouped under the original job titles.\nConstraints: no first person, no buzzwords (synergy, results-driven), never invent achievements.",
    },
    {
      intent: "write a professional summary for my CV as a nurse",
      capabilities: [
        { id: "audience", options: ["Hospital HR", "Agency recruiter", "Private clinic"] },
        { id: "length", options: ["2 sentences", "3-4 sentences"] },
        { id: "must_include", options: ["Years of experience", "Specialty", "Certifications"] },
      ],
      prompt:
        'Role: You are a healthcare recruiter who writes CV summaries that get interviews.\nTask: Write a professional summary for a {{profession}} with {{years}} years of experience in {{specialty}}.\nContext: Certifications: {{certifications}}. Target role: {{target_role}}.\nRequirements:\n- Lead with the specialty and years of experience.\n- Include one concrete strength backed by an example.\n- End with what I bring to the target role.\nFormat: one paragraph of 3-4 sentences, third person implied (no "I").\nConstraints: no generic adjectives without evidence (hardworking, passionate).',
    },
  ],
} satisfies DomainInput;
