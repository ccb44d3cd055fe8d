import type { DomainInput } from "../../library.js";

export const sqlDomain = {
  id: "sql",
  title: "SQL and databases",
  description: "Writing, explaining and optimizing SQL queries and database schemas.",
  keywords: [
    "sql",
    "query",
    "join",
    "select",
    "postgres",
    "postgresql",
    "mysql",
    "sqlite",
    "database",
    "table",
    "index",
    "schema",
    "group by",
  ],
  exemplars: [
    {
      intent: "sql query to find customers who haven't ordered in 90 days",
      capabilities: [
        { id: "context", options: ["Table schemas", "SQL dialect", "Sample rows"] },
        { id: "must_include", options: ["Explanation", "Index suggestion", "Edge cases"] },
        { id: "format", options: ["Query only", "Query + walkthrough"] },
      ],
      prompt:
        "Role: You are a database engineer fluent in {{dialect}}.\nTask: Write a query that {{question}}.\nContext: Schema: {{schema}}. Row counts: {{row_counts}}.\nRequirements:\n- Use explicit JOINs and readable aliases.\n- Handle NULLs and customers with no orders at all.\n- After the query: a short walkthrough of each clause and one index that would speed it up.\nFormat: one SQL code block, then bullets.\nConstraints: only tables and columns from the schema; no SELECT *.",
    },
    {
      intent: "speed up this slow postgres query",
      capabilities: [
        { id: "context", options: ["EXPLAIN ANALYZE output", "Table sizes", "Existing indexes"] },
        { id: "reasoning", options: ["Explain the plan", "Just the rewrite"] },
        { id: "avoid", options: ["Schema changes", "Locking the table"] },
      ],
      prompt:
        "Role: You are a PostgreSQL performance specialist.\nTask: Optimize this query: {{query}}.\nContext: EXPLAIN ANALYZE: {{plan}}. Indexes: {{indexes}}. Table sizes: {{sizes}}.\nRequirements:\n- Read the plan and name the most expensive node and why it is slow.\n- Propose the rewrite and/or index, with the expected effect on the plan.\n- Note any risk (write overhead, locking; use CREATE INDEX CONCURRENTLY).\nFormat: Diagnosis / Change / Risks, with SQL in code blocks.\nConstraints: results must stay identical.",
    },
  ],
} satisfies DomainInput;
