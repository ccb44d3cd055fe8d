/** The domain library: one data file per domain (design.md: 41 everyday domains). */
import type { DomainInput } from "../../library.js";
import { academicEssayDomain } from "./academic-essay.js";
import { blogPostDomain } from "./blog-post.js";
import { brainstormingDomain } from "./brainstorming.js";
import { codeGenerationDomain } from "./code-generation.js";
import { codeReviewDomain } from "./code-review.js";
import { coverLetterDomain } from "./cover-letter.js";
import { dataAnalysisDomain } from "./data-analysis.js";
import { debuggingDomain } from "./debugging.js";
import { emailDomain } from "./email.js";
import { eventPlanningDomain } from "./event-planning.js";
import { fictionDomain } from "./fiction.js";
import { fitnessPlanDomain } from "./fitness-plan.js";
import { grantProposalDomain } from "./grant-proposal.js";
import { interviewPrepDomain } from "./interview-prep.js";
import { jobDescriptionDomain } from "./job-description.js";
import { legalExplainerDomain } from "./legal-explainer.js";
import { lessonPlanDomain } from "./lesson-plan.js";
import { marketingCopyDomain } from "./marketing-copy.js";
import { medicalExplainerDomain } from "./medical-explainer.js";
import { meetingSummaryDomain } from "./meeting-summary.js";
import { negotiationDomain } from "./negotiation.js";
import { newsletterDomain } from "./newsletter.js";
import { performanceReviewDomain } from "./performance-review.js";
import { personalFinanceDomain } from "./personal-finance.js";
import { personalMessageDomain } from "./personal-message.js";
import { poetryDomain } from "./poetry.js";
import { presentationDomain } from "./presentation.js";
import { productSpecDomain } from "./product-spec.js";
import { recipeDomain } from "./recipe.js";
import { researchReportDomain } from "./research-report.js";
import { resumeDomain } from "./resume.js";
import { socialPostDomain } from "./social-post.js";
import { speechDomain } from "./speech.js";
import { sqlDomain } from "./sql.js";
import { studyGuideDomain } from "./study-guide.js";
import { summarizationDomain } from "./summarization.js";
import { supportReplyDomain } from "./support-reply.js";
import { technicalDocsDomain } from "./technical-docs.js";
import { translationDomain } from "./translation.js";
import { travelPlanDomain } from "./travel-plan.js";
import { videoScriptDomain } from "./video-script.js";

export const allDomains: DomainInput[] = [
  emailDomain,
  coverLetterDomain,
  resumeDomain,
  socialPostDomain,
  marketingCopyDomain,
  blogPostDomain,
  newsletterDomain,
  speechDomain,
  presentationDomain,
  lessonPlanDomain,
  studyGuideDomain,
  recipeDomain,
  travelPlanDomain,
  fitnessPlanDomain,
  personalFinanceDomain,
  codeReviewDomain,
  codeGenerationDomain,
  debuggingDomain,
  sqlDomain,
  dataAnalysisDomain,
  technicalDocsDomain,
  legalExplainerDomain,
  medicalExplainerDomain,
  fictionDomain,
  poetryDomain,
  videoScriptDomain,
  supportReplyDomain,
  meetingSummaryDomain,
  summarizationDomain,
  translationDomain,
  productSpecDomain,
  jobDescriptionDomain,
  interviewPrepDomain,
  negotiationDomain,
  eventPlanningDomain,
  brainstormingDomain,
  researchReportDomain,
  academicEssayDomain,
  grantProposalDomain,
  performanceReviewDomain,
  personalMessageDomain,
];
