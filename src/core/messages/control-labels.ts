/**
 * The words on the bot's controls and around its messages (buttons, selects, hints, headings), in
 * the catalog's languages. Adapters write a reply's controls in `reply.language`, so a conversation in
 * German gets German buttons. The type makes a missing label a compile error. `{name}` is a value.
 */
import { MESSAGE_LANGUAGES, type MessageLanguage } from "./catalog.js";

const en = {
  skip: "Skip: write the prompt now",
  ownWords: "Answer in my own words",
  ownWordsHint: "Or answer in your own words: reply in this thread (one message can answer them all).",
  answered: "Answered: thank you.",
  closed: "These questions are closed.",
  retry: "Retry",
  stop: "Stop",
  working: "Working on it…",
  queued: "Waiting for the model: position {position} in the queue…",
  writing: "Writing prompt v{version}…",
  answerAll: "Answer all",
  submit: "Submit answers",
  pickOne: "Pick one",
  whatChanged: "What changed",
  noChanges: "Nothing changed from the previous version.",
  other: "Other…",
  changeSetting: "Change a setting",
  refineHint: "Reply in this thread to refine it (for example “shorter” or “for a 5th grader”).",
  promptTitle: "Tailored prompt v{version}",
  repaired: "Added back what the draft left out: {values}",
  changed: "changed",
  fromDefaults: "channel default",
  fromServerDefaults: "server default",
  next: "Waiting for the model: you are next…",
  stepAnalyse: "Reading your request…",
  stepIntegrate: "Going through your answers…",
  stepSynthesize: "Writing the prompt…",
  stepRefine: "Writing the next version…",
  answerAllTitle: "Answer all questions",
  ownWordsField: "Or in your own words",
  writingStatus: "Writing your prompt…",
};

export type ControlLabelKey = keyof typeof en;
export type ControlLabels = Readonly<Record<ControlLabelKey, string>>;

const de: ControlLabels = {
  skip: "Überspringen: Prompt jetzt schreiben",
  ownWords: "In eigenen Worten antworten",
  ownWordsHint: "Oder antworte in eigenen Worten in diesem Thread (eine Nachricht kann alle Fragen beantworten).",
  answered: "Beantwortet: danke.",
  closed: "Diese Fragen sind geschlossen.",
  retry: "Wiederholen",
  stop: "Anhalten",
  working: "Ich arbeite daran…",
  queued: "Warte auf das Modell: Platz {position} in der Warteschlange…",
  writing: "Schreibe Prompt v{version}…",
  answerAll: "Alle beantworten",
  submit: "Antworten senden",
  pickOne: "Wähle eine Option",
  whatChanged: "Was sich geändert hat",
  noChanges: "Gegenüber der vorigen Version hat sich nichts geändert.",
  other: "Andere…",
  changeSetting: "Eine Einstellung ändern",
  refineHint: "Antworte in diesem Thread, um ihn zu verfeinern (zum Beispiel „kürzer“ oder „für eine 5. Klasse“).",
  promptTitle: "Maßgeschneiderter Prompt v{version}",
  repaired: "Wieder ergänzt, was der Entwurf ausgelassen hat: {values}",
  changed: "geändert",
  fromDefaults: "Kanal-Voreinstellung",
  fromServerDefaults: "Server-Voreinstellung",
  next: "Warte auf das Modell: du bist als Nächstes dran…",
  stepAnalyse: "Ich lese deine Anfrage…",
  stepIntegrate: "Ich gehe deine Antworten durch…",
  stepSynthesize: "Ich schreibe den Prompt…",
  stepRefine: "Ich schreibe die nächste Version…",
  answerAllTitle: "Alle Fragen beantworten",
  ownWordsField: "Oder in eigenen Worten",
  writingStatus: "Ich schreibe deinen Prompt…",
};

const es: ControlLabels = {
  skip: "Omitir: escribir el prompt ya",
  ownWords: "Responder con mis palabras",
  ownWordsHint: "O responde con tus palabras en este hilo (un mensaje puede responderlas todas).",
  answered: "Respondido: gracias.",
  closed: "Estas preguntas están cerradas.",
  retry: "Reintentar",
  stop: "Detener",
  working: "Trabajando en ello…",
  queued: "Esperando al modelo: puesto {position} en la cola…",
  writing: "Escribiendo el prompt v{version}…",
  answerAll: "Responder todo",
  submit: "Enviar respuestas",
  pickOne: "Elige una",
  whatChanged: "Qué cambió",
  noChanges: "Nada cambió respecto a la versión anterior.",
  other: "Otro…",
  changeSetting: "Cambiar un ajuste",
  refineHint: "Responde en este hilo para afinarlo (por ejemplo «más corto» o «para un niño de 10 años»).",
  promptTitle: "Prompt a medida v{version}",
  repaired: "Se volvió a añadir lo que el borrador omitió: {values}",
  changed: "cambiado",
  fromDefaults: "predeterminado del canal",
  fromServerDefaults: "predeterminado del servidor",
  next: "Esperando al modelo: eres el siguiente…",
  stepAnalyse: "Leyendo tu petición…",
  stepIntegrate: "Revisando tus respuestas…",
  stepSynthesize: "Escribiendo el prompt…",
  stepRefine: "Escribiendo la siguiente versión…",
  answerAllTitle: "Responder todas las preguntas",
  ownWordsField: "O con tus palabras",
  writingStatus: "Escribiendo tu prompt…",
};

const fr: ControlLabels = {
  skip: "Passer : écrire le prompt maintenant",
  ownWords: "Répondre avec mes mots",
  ownWordsHint: "Ou réponds avec tes mots dans ce fil (un message peut répondre à toutes les questions).",
  answered: "Répondu : merci.",
  closed: "Ces questions sont fermées.",
  retry: "Relancer",
  stop: "Arrêter",
  working: "Je m'en occupe…",
  queued: "En attente du modèle : position {position} dans la file…",
  writing: "Écriture du prompt v{version}…",
  answerAll: "Tout répondre",
  submit: "Envoyer les réponses",
  pickOne: "Choisis une option",
  whatChanged: "Ce qui a changé",
  noChanges: "Rien n'a changé par rapport à la version précédente.",
  other: "Autre…",
  changeSetting: "Modifier un réglage",
  refineHint: "Réponds dans ce fil pour l'affiner (par exemple « plus court » ou « pour un élève de CM2 »).",
  promptTitle: "Prompt sur mesure v{version}",
  repaired: "Ajouté à nouveau ce que le brouillon avait omis : {values}",
  changed: "modifié",
  fromDefaults: "valeur par défaut du canal",
  fromServerDefaults: "valeur par défaut du serveur",
  next: "En attente du modèle : tu es le prochain…",
  stepAnalyse: "Je lis ta demande…",
  stepIntegrate: "Je parcours tes réponses…",
  stepSynthesize: "J'écris le prompt…",
  stepRefine: "J'écris la version suivante…",
  answerAllTitle: "Répondre à toutes les questions",
  ownWordsField: "Ou avec tes mots",
  writingStatus: "J'écris ton prompt…",
};

const LABELS: Readonly<Record<MessageLanguage, ControlLabels>> = { en, de, es, fr };

/** The control labels for a reply's language (English when the reply says none). */
export const controlLabels = (language: MessageLanguage | undefined): ControlLabels => LABELS[language ?? "en"];

/**
 * The language a control was labelled in, from the labels a platform gives back with a click, so
 * what the click opens (a modal) speaks the conversation's language too. English when none tells.
 */
export function languageOfLabels(labels: readonly string[]): MessageLanguage {
  const english = new Set(Object.values(LABELS.en));
  for (const language of MESSAGE_LANGUAGES) {
    const own = Object.values(LABELS[language]).filter((label) => !english.has(label));
    if (labels.some((label) => own.includes(label))) return language;
  }
  return "en";
}
