import type { DomainInput } from "../../library.js";

export const lessonPlanDomain = {
  id: "lesson_plan",
  title: "Lesson plan",
  description: "Lesson plans, class activities and teaching materials for teachers and trainers.",
  keywords: [
    "lesson",
    "lesson plan",
    "class",
    "teacher",
    "students",
    "grade",
    "classroom",
    "activity",
    "curriculum",
    "workshop",
    "teach",
  ],
  exemplars: [
    {
      intent: "lesson plan on photosynthesis for 7th graders",
      capabilities: [
        { id: "audience", options: ["Grade 7, mixed abilities", "Advanced learners", "English learners"] },
        { id: "length", options: ["45-minute lesson", "90-minute block"] },
        { id: "must_include", options: ["Hands-on activity", "Exit ticket", "Differentiation"] },
        { id: "format", options: ["Timed plan table", "Narrative plan"] },
      ],
      prompt:
        'Role: You are an experienced middle-school teacher and curriculum designer.\nTask: Write a {{duration}} lesson plan on {{topic}} for {{grade}}.\nRequirements:\n- 2-3 measurable learning objectives ("Students will be able to...").\n- A warm-up that connects to everyday life, direct instruction, a hands-on activity with materials list, and an exit ticket with 3 questions and answers.\n- Differentiation: one support and one extension idea.\nFormat: a table with columns Time / Activity / Teacher does / Students do, then materials and the exit ticket.\nConstraints: only low-cost materials; age-appropriate vocabulary.',
    },
    {
      intent: "plan a 2 hour workshop teaching adults excel basics",
      capabilities: [
        { id: "audience", options: ["Office staff", "Small business owners", "Seniors"] },
        { id: "goal", options: ["Build a budget sheet", "Formulas basics", "Charts"] },
        { id: "format", options: ["Agenda with exercises", "Slide outline"] },
      ],
      prompt:
        "Role: You are a corporate trainer who teaches software to nervous beginners.\nTask: Plan a {{duration}} workshop on {{skill}} for {{audience}}.\nRequirements:\n- A goal participants reach by the end (one finished artifact).\n- Blocks of 15-25 minutes alternating demo and hands-on exercise.\n- Each exercise with step-by-step instructions and the expected result.\n- Breaks and a 10-minute Q&A.\nFormat: timed agenda, then exercises.\nConstraints: no prior knowledge assumed; define every term on first use.",
    },
  ],
} satisfies DomainInput;
