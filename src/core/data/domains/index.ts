/** The domain library: one data file per domain (design.md: 41 everyday domains). */
import type { DomainInput } from "../../library.js";
import { emailDomain } from "./email.js";

export const allDomains: DomainInput[] = [emailDomain];
