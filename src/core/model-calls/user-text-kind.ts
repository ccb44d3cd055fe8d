/**
 * Two kinds of user text that must never become pinned values: instructions aimed at the bot
 * (prompt injection: the alignment repair would otherwise force them into the prompt) and answers
 * that are not values ("you decide", "I'll paste it later"), in the languages users write in.
 */
const INJECTION =
  /(ignore|disregard|forget)\s+(all\s+|any\s+|the\s+|your\s+)*(previous|prior|above|earlier|system)\s+(instructions|prompts?|rules)|system\s+prompt|you\s+are\s+now\s+|\bDAN\b|jailbreak|developer\s+mode|ignoriere\s+(alle\s+)?(vorherigen\s+)?anweisungen|ignora\s+(todas\s+)?las\s+instrucciones|ignore[zr]?\s+(toutes\s+)?les\s+instructions/iu;

export const isInstructionToBot = (text: string): boolean => INJECTION.test(text);

const META_ANSWERS: readonly RegExp[] = [
  /^(you|u)\s+(decide|choose|pick)\b/i,
  /^(up\s+to\s+you|your\s+call|whatever(\s+works|\s+you\s+think)?|any(thing)?(\s+is\s+fine)?|doesn'?t\s+matter|no\s+preference|not\s+sure|idk|i\s+don'?t\s+know|dunno|surprise\s+me)\b/i,
  /^(nothing|none|no)(\s+in\s+particular|\s+special|\s+really)?[.!]?$/i,
  /\b(i'?ll|i\s+will|will)\s+(paste|send|add|share|provide)\s+(it|them|that|this)?\s*(later|afterwards|myself)\b/i,
  /^(n\/a|-+|\?+)$/i,
  // German, Spanish, French, Portuguese, Italian.
  /^(egal|du\s+entscheidest|weiß\s+nicht|keine\s+ahnung|nichts\s+besonderes|ist\s+mir\s+egal)\b/i,
  /^(tú\s+decides|tu\s+decides|me\s+da\s+igual|no\s+sé|nada\s+en\s+particular|como\s+quieras)\b/i,
  /^(à\s+toi\s+de\s+voir|tu\s+décides|peu\s+importe|je\s+ne\s+sais\s+pas|rien\s+de\s+particulier|comme\s+tu\s+veux)\b/i,
  /^(você\s+decide|tanto\s+faz|não\s+sei|nada\s+em\s+especial|decidi\s+tu|non\s+so|niente\s+di\s+particolare)\b/i,
  /\b(lo\s+pego\s+después|ich\s+füge\s+(es|das)\s+später|je\s+le\s+colle(rai)?\s+plus\s+tard)\b/i,
];

/** An answer that leaves the capability open (or a placeholder) rather than a value to pin. */
export const isMetaAnswer = (text: string): boolean => {
  const t = text.trim().replace(/[.!]+$/, "");
  return META_ANSWERS.some((p) => p.test(t));
};

/** Material answered "later": the prompt gets a placeholder for it. */
export const promisesMaterialLater = (text: string): boolean => META_ANSWERS[3]?.test(text) ?? false;
