import type { DomainInput } from "../../library.js";

export const dataAnalysisDomain = {
  id: "data_analysis",
  title: "Data analysis",
  description: "Analyzing datasets and spreadsheets, statistics, charts and insights.",
  keywords: [
    "data",
    "analysis",
    "analyze",
    "dataset",
    "spreadsheet",
    "excel",
    "csv",
    "pandas",
    "chart",
    "statistics",
    "trend",
    "insights",
    "dashboard",
    "kpi",
  ],
  exemplars: [
    {
      intent: "analyze our sales data and find trends",
      capabilities: [
        { id: "context", options: ["Column descriptions", "Time range", "Business question"] },
        { id: "format", options: ["Findings summary", "Python/pandas code", "Chart suggestions"] },
        { id: "audience", options: ["Executives", "Analysts", "Sales team"] },
        { id: "reasoning", options: ["Show calculations", "State confidence and caveats"] },
      ],
      prompt:
        "Role: You are a data analyst who turns raw data into decisions.\nTask: Analyze this data to answer: {{business_question}}.\nContext: Columns: {{column_descriptions}}. Data: {{data_or_sample}}. Period: {{time_range}}.\nRequirements:\n- Check data quality first (missing values, outliers, duplicates) and say what you did.\n- Report the 3-5 most important findings, each with the number that supports it.\n- Separate correlation from causation; state caveats.\n- Recommend 2 actions and one follow-up analysis.\nFormat: Summary (3 sentences), Findings, Caveats, Recommendations.\nConstraints: no numbers that are not computed from the data.",
    },
    {
      intent: "write pandas code to clean a messy csv",
      capabilities: [
        { id: "context", options: ["Sample rows", "Known problems", "Target format"] },
        { id: "must_include", options: ["Comments", "Validation checks", "Before/after counts"] },
        { id: "format", options: ["Script", "Notebook cells"] },
      ],
      prompt:
        "Role: You are a data engineer who writes reproducible cleaning code.\nTask: Write pandas code that cleans {{file_name}}.\nContext: Sample: {{sample_rows}}. Problems: {{known_issues}}. Target schema: {{target_schema}}.\nRequirements:\n- Parse dates and numbers explicitly; normalize text columns (trim, case).\n- Handle duplicates and missing values with a stated rule per column.\n- Print row counts before and after each step; assert the final schema.\nFormat: one Python code block with comments.\nConstraints: no silent row drops; pandas 2.x.",
    },
  ],
} satisfies DomainInput;
