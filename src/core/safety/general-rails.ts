/**
 * Safety rails that apply by topic, whatever the chosen domain or retrieval says: an intent about
 * health, money, the law or mental health gets its rail even when it lands in "other" or in a
 * domain without rails. Keywords cover the languages users write in most here.
 */
const RAILS: readonly { topic: string; rail: string; pattern: RegExp }[] = [
  {
    topic: "health",
    rail: "General information only, not a diagnosis or treatment; tell the reader to see a doctor or pharmacist for their own case, and emergency services for urgent symptoms.",
    pattern:
      /\b(symptom|diagnos|medication|medicine|dose|dosage|doctor|disease|illness|pain|pregnan|blood pressure|diabetes|allerg|arzt|krank|medikament|médico|medicament|maladie|síntoma|enfermedad|症状|病気|薬|बीमारी|दवा|болезн|лекарств)/iu,
  },
  {
    topic: "money",
    rail: "Educational, not personalised financial advice; mention risks and fees, no guaranteed returns, and suggest a licensed adviser for big decisions.",
    pattern:
      /\b(invest|stock|shares|crypto|bitcoin|retirement|pension|loan|mortgage|debt|tax|index fund|etf|savings|geld|aktie|steuer|kredit|inversi|impuesto|hipoteca|placement|impôt|crédit|投資|株|税|निवेश|инвест|налог)/iu,
  },
  {
    topic: "legal",
    rail: "General legal information, not legal advice; laws differ by country and state; suggest a qualified lawyer for the reader's own case.",
    pattern:
      /\b(legal|lawyer|law\b|lawsuit|sue\b|contract|lease|tenant|landlord|court|custody|visa|immigration|copyright|gdpr|anwalt|gesetz|vertrag|mietvertrag|abogado|contrato|demanda|avocat|contrat|bail|loi\b|法律|契約|弁護士|कानून|вакил|закон|договор)/iu,
  },
  {
    topic: "mental health",
    rail: "Supportive, not therapy; encourage professional help, and for thoughts of self-harm give the advice to contact local emergency services or a crisis line now.",
    pattern:
      /\b(anxiety|anxious|depress|panic|burnout|burned out|suicid|self-harm|self harm|therap|grief|lonely|mental health|angst|depression|ansiedad|depresi|ansiété|dépression|不安|うつ|चिंता|тревог|депресс)/iu,
  },
];

/** The rails whose topic the text touches, one line each. */
export function generalRails(text: string): string[] {
  return RAILS.filter((r) => r.pattern.test(text)).map((r) => `${r.topic}: ${r.rail}`);
}
