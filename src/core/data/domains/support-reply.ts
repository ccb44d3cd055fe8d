import type { DomainInput } from "../../library.js";

export const supportReplyDomain = {
  id: "support_reply",
  title: "Customer support reply",
  description: "Replies to customer questions, complaints, refunds and bug reports.",
  keywords: [
    "customer",
    "support",
    "complaint",
    "refund",
    "ticket",
    "reply",
    "angry customer",
    "help desk",
    "apology",
    "service",
    "response",
  ],
  exemplars: [
    {
      intent: "reply to an angry customer whose order arrived late",
      capabilities: [
        { id: "tone", options: ["Empathetic and calm", "Formal", "Warm and brief"] },
        { id: "must_include", options: ["Apology", "Concrete remedy", "Tracking info"] },
        { id: "context", options: ["Customer's message", "Our policy", "What we can offer"] },
      ],
      prompt:
        'Role: You are a senior customer support agent known for turning complaints into loyal customers.\nTask: Reply to this message: {{customer_message}}.\nContext: Order details: {{order_details}}. Policy: {{policy}}. What I can offer: {{remedy_options}}.\nRequirements:\n- Acknowledge the specific problem in the first sentence and apologize once, sincerely.\n- Explain what happened only if known; never blame the customer or a colleague.\n- Offer the concrete remedy and the next step with a time frame.\nFormat: email reply, 3 short paragraphs, signed {{agent_name}}.\nConstraints: under 150 words; no promises beyond the policy; no canned phrases like "we apologize for any inconvenience".',
    },
    {
      intent: "answer a customer asking how to reset their password",
      capabilities: [
        { id: "format", options: ["Numbered steps", "Short paragraph"] },
        { id: "audience", options: ["Non-technical user", "Admin user"] },
        { id: "tone", options: ["Friendly", "Neutral"] },
      ],
      prompt:
        "Role: You are a friendly support agent for {{product}}.\nTask: Answer this question: {{customer_question}}.\nContext: Help article: {{help_article}}.\nRequirements:\n- Numbered steps matching the product's exact button names.\n- What to do if the email doesn't arrive (spam folder, wait time, contact).\n- One sentence offering further help.\nFormat: chat-length reply.\nConstraints: never ask for the password; under 120 words.",
    },
  ],
} satisfies DomainInput;
