import type { DomainInput } from "../../library.js";

export const personalFinanceDomain = {
  id: "personal_finance",
  title: "Personal finance",
  description: "Budgets, saving plans, debt payoff and money explanations for individuals.",
  keywords: [
    "budget",
    "money",
    "savings",
    "save",
    "debt",
    "loan",
    "spending",
    "finance",
    "retirement",
    "invest",
    "credit card",
    "expenses",
    "salary",
  ],
  safety:
    "Educational only, not financial advice: no specific securities; suggest a licensed adviser for big decisions.",
  exemplars: [
    {
      intent: "help me make a monthly budget",
      capabilities: [
        { id: "context", options: ["Monthly income", "Fixed expenses", "Debts"] },
        { id: "goal", options: ["Save for an emergency fund", "Pay off debt", "Stop overspending"] },
        { id: "format", options: ["Spreadsheet-ready table", "50/30/20 breakdown"] },
      ],
      prompt:
        "Role: You are a practical budgeting coach.\nTask: Build a monthly budget for take-home pay of {{income}}.\nContext: Fixed costs: {{fixed_costs}}. Debts: {{debts}}. Goal: {{goal}}.\nRequirements:\n- Categories with amounts and percentages of income.\n- A savings line paid first, and a small guilt-free spending line.\n- Three specific cuts ranked by impact if the budget does not balance.\nFormat: a table Category / Amount / % then a short action list.\nConstraints: educational, not financial advice; no product or stock recommendations.",
    },
    {
      intent: "plan to pay off my credit card debt",
      capabilities: [
        { id: "context", options: ["Balances and rates", "Monthly amount available"] },
        { id: "reasoning", options: ["Compare avalanche vs snowball", "Just give the plan"] },
        { id: "tone", options: ["Encouraging", "Straight numbers"] },
      ],
      prompt:
        "Role: You are a debt counselor who explains options clearly.\nTask: Make a payoff plan for these debts: {{debts_with_balances_and_rates}}, with {{monthly_amount}} available each month.\nRequirements:\n- Compare the avalanche and snowball methods: order, months to debt-free, total interest (show the calculation approach).\n- Recommend one and explain why in two sentences.\n- Three habits that prevent new debt.\nFormat: a comparison table, then the month-by-month order.\nConstraints: educational, not financial advice; state assumptions (fixed rates, no new charges).",
    },
  ],
} satisfies DomainInput;
