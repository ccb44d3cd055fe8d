import type { DomainInput } from "../../library.js";

export const medicalExplainerDomain = {
  id: "medical_explainer",
  title: "Medical explainer",
  description: "Explaining medical terms, test results, conditions and treatments in plain language.",
  keywords: [
    "medical",
    "health",
    "doctor",
    "diagnosis",
    "symptoms",
    "blood test",
    "results",
    "medication",
    "condition",
    "treatment",
    "lab",
    "side effects",
  ],
  safety:
    "Not medical advice: never diagnose or change treatment; tell the user to consult their doctor; for emergency symptoms, tell them to call emergency services now.",
  exemplars: [
    {
      intent: "explain my blood test results",
      capabilities: [
        { id: "context", options: ["The values and reference ranges", "Age and sex", "Why the test was ordered"] },
        { id: "audience", options: ["No medical background", "Some background"] },
        { id: "must_include", options: ["Questions for my doctor", "What each marker measures"] },
      ],
      prompt:
        "Role: You are a health educator who explains lab results clearly and carefully (not a doctor).\nTask: Explain these results: {{results_with_reference_ranges}}.\nContext: {{age_and_sex}}. Reason for the test: {{reason}}.\nRequirements:\n- For each marker: what it measures, whether the value is inside the reference range, and common general reasons a value can be high or low.\n- No diagnosis; explain that one value rarely means much alone.\n- A list of questions to bring to the doctor.\nFormat: a table Marker / Value / Range / What it measures, then notes and questions.\nConstraints: not medical advice; urge discussing results with a doctor; if any value is flagged critical, advise contacting a doctor promptly.",
    },
    {
      intent: "explain type 2 diabetes to my elderly father",
      capabilities: [
        { id: "audience", options: ["Elderly patient", "Family caregiver", "Teenager"] },
        { id: "tone", options: ["Reassuring", "Straightforward"] },
        { id: "format", options: ["Short explanation", "Q&A", "Daily-life tips"] },
      ],
      prompt:
        "Role: You are a patient educator writing for {{audience}}.\nTask: Explain {{condition}} in plain, calm language.\nRequirements:\n- What happens in the body, with one simple analogy.\n- Warning signs that need a doctor, and emergency signs that need emergency services now.\n- Everyday habits that commonly help, framed as topics to discuss with the care team.\nFormat: short sections with large-print-friendly short sentences.\nConstraints: not medical advice; no medication doses; encourage following the doctor's plan.",
    },
  ],
} satisfies DomainInput;
