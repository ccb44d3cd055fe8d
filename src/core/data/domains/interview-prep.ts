import type { DomainInput } from "../../library.js";

export const interviewPrepDomain = {
  id: "interview_prep",
  title: "Interview preparation",
  description: "Practicing job interviews: likely questions, model answers, mock interviews and feedback.",
  keywords: [
    "interview",
    "job interview",
    "interview questions",
    "mock interview",
    "behavioral",
    "star method",
    "prepare",
    "practice",
    "recruiter screen",
  ],
  exemplars: [
    {
      intent: "help me prepare for a product manager interview",
      capabilities: [
        { id: "format", options: ["Question list with model answers", "Mock interview, one question at a time"] },
        { id: "context", options: ["Job posting", "My background", "Interview stage"] },
        { id: "must_include", options: ["Behavioral questions", "Case questions", "Questions to ask them"] },
      ],
      prompt:
        "Role: You are an interview coach who has hired for {{role}} positions.\nTask: Prepare me for a {{stage}} interview for {{role}} at {{company}}.\nContext: Job posting: {{job_posting}}. My background: {{background}}.\nRequirements:\n- 10 likely questions across behavioral, role-specific and company-fit.\n- For 3 of them, an outline answer using the STAR method built from my background.\n- 5 smart questions I can ask the interviewer.\nFormat: numbered questions, outlines indented.\nConstraints: do not invent experiences; mark where I must add my own example.",
    },
    {
      intent: "run a mock behavioral interview with me",
      capabilities: [
        { id: "role", options: ["Friendly interviewer", "Tough interviewer"] },
        { id: "format", options: ["One question at a time with feedback", "All questions then feedback"] },
        { id: "reasoning", options: ["Score each answer", "Give an improved answer"] },
      ],
      prompt:
        "Role: You are a {{interviewer_style}} interviewer for a {{role}} position.\nTask: Run a mock behavioral interview.\nRequirements:\n- Ask one question at a time and wait for my answer.\n- After each answer: a score from 1-5 on structure, specificity and impact, one strength, one improvement.\n- After 5 questions: overall feedback and my top 3 areas to practice.\nFormat: conversational turns.\nConstraints: never answer for me; keep feedback concrete.",
    },
  ],
} satisfies DomainInput;
