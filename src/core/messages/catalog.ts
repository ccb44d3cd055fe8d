/**
 * The bot's own fixed texts, in one catalog: English, German, Spanish and French, each complete
 * (the type makes a missing text a compile error). The engine writes English; `localize-replies.ts`
 * puts a turn's replies in the conversation's language. Model text and the user's words are never
 * translated. `{name}` marks a value filled in at run time.
 */
const en = {
  help: [
    "I turn a one-line request into a tailored prompt for a small local model.",
    "Tell me what you want a prompt for; I ask up to 3 questions (at most 2 rounds), then write the prompt.",
    "Answer with the buttons or in your own words: one message can answer every open question.",
    'After the prompt, any message refines it ("shorter", "for a 5th grader") into a new version.',
    "Words: skip (write the prompt now), new (start over), forget (delete this conversation), cancel (end it), stop (stop the model while it writes), help.",
  ].join("\n"),
  usage: "Tell me what you want a prompt for, e.g. /tailor write a cold email to an investor.",
  tooLongRequest:
    "That request is {length} characters; the limit is {limit}. Shorten it (long material can go in later as a {{placeholder}}).",
  tooLongMessage:
    "That message is {length} characters; the limit is {limit}. Shorten it (long material can go in later as a {{placeholder}}).",
  alreadyAnswered: "This question was already answered (or its round is over): nothing changed.",
  notOwnerStop: "Only the person who asked can stop this conversation's work.",
  notOwner: "Only the person who asked can answer these questions.",
  cancelledEnded: "This conversation was cancelled. Start a new one with /tailor or by mentioning me.",
  askAgain: "Tell me again what you want a prompt for, and I will start from there.",
  ended: "This conversation has ended or was deleted. Start a new one with /tailor or by mentioning me.",
  forgotten: "Deleted: I no longer keep anything from this conversation.",
  cancelled: "Cancelled. Start again any time with /tailor, a mention, or a DM.",
  startingOver: "Starting over: tell me what you want a prompt for.",
  nothingToSkip: "There is nothing to skip: send a message to refine the prompt, or new to start over.",
  nothingToRetry: "Nothing to retry: the last step went through.",
  nothingToRetryHere: "Nothing to retry here: tell me again what you want a prompt for.",
  noConversationYet: "There is no conversation here yet: tell me what you want a prompt for.",
  reset: "I could not read this conversation's saved state, so a new conversation starts here.",
  firstRound:
    "A few questions so the prompt fits what you need. Pick an option or answer in your own words; skip gets you the prompt now.",
  nextRound: "One more round, to get it right.",
  assuming: "Assuming {list} (say so to correct).",
  dmsOff: "Direct messages are turned off for PromptTailor here. Mention me in a channel or use /tailor there.",
  notAllowed: "PromptTailor is not enabled for you in this place. Ask the person who runs the bot to allow it.",
  storeDown: "I could not reach my conversation store. Nothing you said is lost: try again in a moment.",
  modelFailed: "The model could not finish this step. Nothing you said is lost: retry when you are ready.",
  modelInvalid: "The model gave an answer I could not use, twice. Nothing you said is lost: retry when you are ready.",
  modelSlow: "The model took too long on this step. Nothing you said is lost: retry when you are ready.",
  tooLongForModel:
    "This request is too long for the model's context window. Try a shorter request, or ask the operator to raise TAILOR_CONTEXT_SIZE.",
  badInput: "I could not use that input.",
  internal: "Something went wrong on my side. Nothing you said is lost: try again.",
  busy: "I am still working on the previous message in this conversation. Try again in a moment.",
  stopped:
    "Stopped. Nothing you said is lost: retry writes this step again, or send a message to change the request first.",
  nothingToStop: "Nothing is running in this conversation right now.",
  noPromptYet: "There is no prompt to change yet: answer the questions or skip first.",
  slotRequest: "Set {label} to: {value}",
  defaultsNone: "No defaults are set here. An admin can set some: /tailor defaults set language=German; tone=friendly",
  defaultsShown: "Defaults here (new conversations start with them as assumptions, and each can be corrected): {list}",
  defaultsSet: "Defaults saved. New conversations here start with: {list}",
  defaultsCleared: "Defaults removed: new conversations here start without any.",
  defaultsNoPlace: "Defaults belong to a channel (Slack) or a server (Discord): run /tailor defaults there.",
  defaultsNotAllowedServer: "Only members with the Manage Server permission can change this server's defaults.",
  defaultsNotAllowed: "Only workspace admins (or the people the operator listed) can change the defaults here.",
  defaultsUsage:
    "Use /tailor defaults to see them, /tailor defaults set language=German; tone=friendly to set them, /tailor defaults clear to remove them. Settings: {names}.",
  staleSave:
    "This step took longer than my hold on the conversation, so I did not save its result. Nothing you said is lost: retry when you are ready.",
};

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;

const de: Messages = {
  help: [
    "Ich mache aus einer einzeiligen Anfrage einen maßgeschneiderten Prompt für ein kleines lokales Modell.",
    "Sag mir, wofür du einen Prompt brauchst; ich stelle bis zu 3 Fragen (höchstens 2 Runden) und schreibe dann den Prompt.",
    "Antworte mit den Knöpfen oder in eigenen Worten: eine Nachricht kann alle offenen Fragen beantworten.",
    'Nach dem Prompt verfeinert jede Nachricht ihn ("kürzer", "für eine 5. Klasse") zu einer neuen Version.',
    "Wörter: skip (Prompt jetzt schreiben), new (neu beginnen), forget (dieses Gespräch löschen), cancel (beenden), stop (das Modell beim Schreiben anhalten), help.",
  ].join("\n"),
  usage: "Sag mir, wofür du einen Prompt brauchst, z. B. /tailor schreib eine Kaltakquise-Mail an eine Investorin.",
  tooLongRequest:
    "Diese Anfrage hat {length} Zeichen; die Grenze liegt bei {limit}. Kürze sie (langes Material kann später als {{placeholder}} kommen).",
  tooLongMessage:
    "Diese Nachricht hat {length} Zeichen; die Grenze liegt bei {limit}. Kürze sie (langes Material kann später als {{placeholder}} kommen).",
  alreadyAnswered: "Diese Frage wurde schon beantwortet (oder ihre Runde ist vorbei): nichts geändert.",
  notOwnerStop: "Nur die Person, die gefragt hat, kann die Arbeit an diesem Gespräch anhalten.",
  notOwner: "Nur die Person, die gefragt hat, kann diese Fragen beantworten.",
  cancelledEnded: "Dieses Gespräch wurde abgebrochen. Starte ein neues mit /tailor oder indem du mich erwähnst.",
  askAgain: "Sag mir noch einmal, wofür du einen Prompt brauchst, dann mache ich dort weiter.",
  ended: "Dieses Gespräch ist beendet oder wurde gelöscht. Starte ein neues mit /tailor oder indem du mich erwähnst.",
  forgotten: "Gelöscht: Ich behalte nichts mehr aus diesem Gespräch.",
  cancelled: "Abgebrochen. Starte jederzeit neu mit /tailor, einer Erwähnung oder einer Direktnachricht.",
  startingOver: "Neu beginnen: Sag mir, wofür du einen Prompt brauchst.",
  nothingToSkip:
    "Hier gibt es nichts zu überspringen: Schick eine Nachricht, um den Prompt zu verfeinern, oder new für einen Neuanfang.",
  nothingToRetry: "Nichts zu wiederholen: Der letzte Schritt hat geklappt.",
  nothingToRetryHere: "Hier gibt es nichts zu wiederholen: Sag mir noch einmal, wofür du einen Prompt brauchst.",
  noConversationYet: "Hier gibt es noch kein Gespräch: Sag mir, wofür du einen Prompt brauchst.",
  reset: "Ich konnte den gespeicherten Stand dieses Gesprächs nicht lesen, daher beginnt hier ein neues Gespräch.",
  firstRound:
    "Ein paar Fragen, damit der Prompt passt. Wähle eine Option oder antworte in eigenen Worten; skip liefert den Prompt sofort.",
  nextRound: "Noch eine Runde, damit es passt.",
  assuming: "Ich nehme an: {list} (sag Bescheid, wenn etwas nicht stimmt).",
  dmsOff:
    "Direktnachrichten sind für PromptTailor hier ausgeschaltet. Erwähne mich in einem Kanal oder nutze dort /tailor.",
  notAllowed: "PromptTailor ist für dich hier nicht freigegeben. Frag die Person, die den Bot betreibt.",
  storeDown:
    "Ich erreiche meinen Gesprächsspeicher nicht. Nichts von dem, was du gesagt hast, geht verloren: Versuch es gleich noch einmal.",
  modelFailed:
    "Das Modell konnte diesen Schritt nicht abschließen. Nichts geht verloren: Wiederhole ihn, wenn du so weit bist.",
  modelInvalid:
    "Das Modell hat zweimal eine unbrauchbare Antwort gegeben. Nichts geht verloren: Wiederhole den Schritt, wenn du so weit bist.",
  modelSlow:
    "Das Modell hat für diesen Schritt zu lange gebraucht. Nichts geht verloren: Wiederhole ihn, wenn du so weit bist.",
  tooLongForModel:
    "Diese Anfrage ist zu lang für das Kontextfenster des Modells. Kürze sie oder bitte den Betreiber, TAILOR_CONTEXT_SIZE zu erhöhen.",
  badInput: "Mit dieser Eingabe konnte ich nichts anfangen.",
  internal: "Bei mir ist etwas schiefgegangen. Nichts geht verloren: Versuch es noch einmal.",
  busy: "Ich arbeite noch an der vorigen Nachricht in diesem Gespräch. Versuch es gleich noch einmal.",
  stopped:
    "Angehalten. Nichts ist verloren: Wiederholen schreibt diesen Schritt neu, oder schick zuerst eine Nachricht, um die Anfrage zu ändern.",
  nothingToStop: "In diesem Gespräch läuft gerade nichts.",
  noPromptYet: "Es gibt noch keinen Prompt zum Ändern: Beantworte zuerst die Fragen oder überspringe sie.",
  slotRequest: "Setze {label} auf: {value}",
  defaultsNone:
    "Hier sind keine Voreinstellungen gesetzt. Ein Admin kann welche setzen: /tailor defaults set language=German; tone=friendly",
  defaultsShown:
    "Voreinstellungen hier (neue Gespräche beginnen mit ihnen als Annahmen, jede kann korrigiert werden): {list}",
  defaultsSet: "Voreinstellungen gespeichert. Neue Gespräche hier beginnen mit: {list}",
  defaultsCleared: "Voreinstellungen entfernt: Neue Gespräche hier beginnen ohne.",
  defaultsNoPlace:
    "Voreinstellungen gehören zu einem Kanal (Slack) oder einem Server (Discord): Nutze /tailor defaults dort.",
  defaultsNotAllowedServer:
    "Nur Mitglieder mit der Berechtigung „Server verwalten“ können die Voreinstellungen dieses Servers ändern.",
  defaultsNotAllowed:
    "Nur Workspace-Admins (oder die vom Betreiber genannten Personen) können die Voreinstellungen hier ändern.",
  defaultsUsage:
    "Mit /tailor defaults siehst du sie, mit /tailor defaults set language=German; tone=friendly setzt du sie, mit /tailor defaults clear entfernst du sie. Einstellungen: {names}.",
  staleSave:
    "Dieser Schritt hat länger gedauert, als ich das Gespräch halten durfte, daher habe ich sein Ergebnis nicht gespeichert. Nichts geht verloren: Wiederhole ihn.",
};

const es: Messages = {
  help: [
    "Convierto una petición de una línea en un prompt a medida para un modelo local pequeño.",
    "Dime para qué quieres un prompt; hago hasta 3 preguntas (como mucho 2 rondas) y luego escribo el prompt.",
    "Responde con los botones o con tus palabras: un mensaje puede responder todas las preguntas abiertas.",
    'Después del prompt, cualquier mensaje lo ajusta ("más corto", "para niños de 10 años") en una nueva versión.',
    "Palabras: skip (escribir el prompt ya), new (empezar de nuevo), forget (borrar esta conversación), cancel (terminarla), stop (detener el modelo mientras escribe), help.",
  ].join("\n"),
  usage: "Dime para qué quieres un prompt, p. ej. /tailor escribe un correo en frío a un inversor.",
  tooLongRequest:
    "Esa petición tiene {length} caracteres; el límite es {limit}. Acórtala (el material largo puede ir después como {{placeholder}}).",
  tooLongMessage:
    "Ese mensaje tiene {length} caracteres; el límite es {limit}. Acórtalo (el material largo puede ir después como {{placeholder}}).",
  alreadyAnswered: "Esta pregunta ya tiene respuesta (o su ronda terminó): no cambió nada.",
  notOwnerStop: "Solo la persona que preguntó puede detener el trabajo de esta conversación.",
  notOwner: "Solo la persona que preguntó puede responder estas preguntas.",
  cancelledEnded: "Esta conversación se canceló. Empieza otra con /tailor o mencionándome.",
  askAgain: "Dime otra vez para qué quieres un prompt y sigo desde ahí.",
  ended: "Esta conversación terminó o se borró. Empieza otra con /tailor o mencionándome.",
  forgotten: "Borrado: ya no guardo nada de esta conversación.",
  cancelled: "Cancelado. Vuelve a empezar cuando quieras con /tailor, una mención o un mensaje directo.",
  startingOver: "Empezamos de nuevo: dime para qué quieres un prompt.",
  nothingToSkip: "No hay nada que saltar: envía un mensaje para ajustar el prompt, o new para empezar de nuevo.",
  nothingToRetry: "No hay nada que reintentar: el último paso salió bien.",
  nothingToRetryHere: "Aquí no hay nada que reintentar: dime otra vez para qué quieres un prompt.",
  noConversationYet: "Aquí todavía no hay conversación: dime para qué quieres un prompt.",
  reset: "No pude leer el estado guardado de esta conversación, así que aquí empieza una nueva.",
  firstRound:
    "Unas preguntas para que el prompt se ajuste a lo que necesitas. Elige una opción o responde con tus palabras; skip te da el prompt ya.",
  nextRound: "Una ronda más, para acertar.",
  assuming: "Supongo {list} (dímelo si no es así).",
  dmsOff:
    "Los mensajes directos están desactivados para PromptTailor aquí. Menciónanme en un canal o usa /tailor allí.",
  notAllowed: "PromptTailor no está habilitado para ti aquí. Pídeselo a quien administra el bot.",
  storeDown:
    "No pude acceder a mi almacén de conversaciones. No se pierde nada de lo que dijiste: inténtalo de nuevo en un momento.",
  modelFailed: "El modelo no pudo terminar este paso. No se pierde nada: reinténtalo cuando quieras.",
  modelInvalid:
    "El modelo dio dos veces una respuesta que no pude usar. No se pierde nada: reinténtalo cuando quieras.",
  modelSlow: "El modelo tardó demasiado en este paso. No se pierde nada: reinténtalo cuando quieras.",
  tooLongForModel:
    "Esta petición es demasiado larga para la ventana de contexto del modelo. Acórtala o pide al operador que aumente TAILOR_CONTEXT_SIZE.",
  badInput: "No pude usar esa entrada.",
  internal: "Algo salió mal por mi parte. No se pierde nada: inténtalo de nuevo.",
  busy: "Todavía estoy con el mensaje anterior de esta conversación. Inténtalo de nuevo en un momento.",
  stopped:
    "Detenido. No se pierde nada de lo que dijiste: reintentar vuelve a escribir este paso, o envía antes un mensaje para cambiar la petición.",
  nothingToStop: "Ahora mismo no se está ejecutando nada en esta conversación.",
  noPromptYet: "Todavía no hay ningún prompt que cambiar: responde primero a las preguntas u omítelas.",
  slotRequest: "Cambia {label} a: {value}",
  defaultsNone:
    "Aquí no hay valores predeterminados. Un administrador puede fijarlos: /tailor defaults set language=German; tone=friendly",
  defaultsShown:
    "Valores predeterminados aquí (las conversaciones nuevas empiezan con ellos como supuestos y cada uno se puede corregir): {list}",
  defaultsSet: "Valores predeterminados guardados. Las conversaciones nuevas aquí empiezan con: {list}",
  defaultsCleared: "Valores predeterminados eliminados: las conversaciones nuevas aquí empiezan sin ninguno.",
  defaultsNoPlace:
    "Los valores predeterminados pertenecen a un canal (Slack) o a un servidor (Discord): usa /tailor defaults allí.",
  defaultsNotAllowedServer:
    "Solo los miembros con el permiso Gestionar servidor pueden cambiar los valores predeterminados de este servidor.",
  defaultsNotAllowed:
    "Solo los administradores del espacio de trabajo (o las personas que indicó el operador) pueden cambiar los valores predeterminados aquí.",
  defaultsUsage:
    "Usa /tailor defaults para verlos, /tailor defaults set language=German; tone=friendly para fijarlos y /tailor defaults clear para quitarlos. Ajustes: {names}.",
  staleSave:
    "Este paso tardó más de lo que podía reservar la conversación, así que no guardé su resultado. No se pierde nada: reinténtalo cuando quieras.",
};

const fr: Messages = {
  help: [
    "Je transforme une demande d'une ligne en prompt sur mesure pour un petit modèle local.",
    "Dis-moi pour quoi tu veux un prompt ; je pose jusqu'à 3 questions (2 tours au plus), puis j'écris le prompt.",
    "Réponds avec les boutons ou avec tes mots : un seul message peut répondre à toutes les questions ouvertes.",
    'Après le prompt, chaque message l\'affine ("plus court", "pour un élève de CM2") en une nouvelle version.',
    "Mots : skip (écrire le prompt maintenant), new (recommencer), forget (supprimer cette conversation), cancel (l'arrêter), stop (arrêter le modèle pendant qu'il écrit), help.",
  ].join("\n"),
  usage: "Dis-moi pour quoi tu veux un prompt, par ex. /tailor écris un e-mail de prospection à un investisseur.",
  tooLongRequest:
    "Cette demande fait {length} caractères ; la limite est {limit}. Raccourcis-la (un long texte peut venir plus tard en {{placeholder}}).",
  tooLongMessage:
    "Ce message fait {length} caractères ; la limite est {limit}. Raccourcis-le (un long texte peut venir plus tard en {{placeholder}}).",
  alreadyAnswered: "Cette question a déjà une réponse (ou son tour est terminé) : rien n'a changé.",
  notOwnerStop: "Seule la personne qui a demandé peut arrêter le travail de cette conversation.",
  notOwner: "Seule la personne qui a demandé peut répondre à ces questions.",
  cancelledEnded: "Cette conversation a été annulée. Commence-en une autre avec /tailor ou en me mentionnant.",
  askAgain: "Redis-moi pour quoi tu veux un prompt, et je reprends à partir de là.",
  ended: "Cette conversation est terminée ou a été supprimée. Commence-en une autre avec /tailor ou en me mentionnant.",
  forgotten: "Supprimé : je ne garde plus rien de cette conversation.",
  cancelled: "Annulé. Recommence quand tu veux avec /tailor, une mention ou un message direct.",
  startingOver: "On recommence : dis-moi pour quoi tu veux un prompt.",
  nothingToSkip: "Il n'y a rien à passer : envoie un message pour affiner le prompt, ou new pour recommencer.",
  nothingToRetry: "Rien à relancer : la dernière étape a réussi.",
  nothingToRetryHere: "Rien à relancer ici : redis-moi pour quoi tu veux un prompt.",
  noConversationYet: "Il n'y a pas encore de conversation ici : dis-moi pour quoi tu veux un prompt.",
  reset: "Je n'ai pas pu lire l'état enregistré de cette conversation, une nouvelle conversation commence donc ici.",
  firstRound:
    "Quelques questions pour que le prompt corresponde à ton besoin. Choisis une option ou réponds avec tes mots ; skip donne le prompt tout de suite.",
  nextRound: "Encore un tour, pour viser juste.",
  assuming: "Je suppose {list} (dis-le-moi si ce n'est pas le cas).",
  dmsOff:
    "Les messages directs sont désactivés pour PromptTailor ici. Mentionne-moi dans un canal ou utilise /tailor là-bas.",
  notAllowed: "PromptTailor n'est pas activé pour toi ici. Demande à la personne qui gère le bot.",
  storeDown:
    "Je n'arrive pas à joindre mon stockage de conversations. Rien de ce que tu as dit n'est perdu : réessaie dans un instant.",
  modelFailed: "Le modèle n'a pas pu terminer cette étape. Rien n'est perdu : relance-la quand tu veux.",
  modelInvalid: "Le modèle a donné deux fois une réponse inutilisable. Rien n'est perdu : relance quand tu veux.",
  modelSlow: "Le modèle a mis trop de temps pour cette étape. Rien n'est perdu : relance-la quand tu veux.",
  tooLongForModel:
    "Cette demande est trop longue pour la fenêtre de contexte du modèle. Raccourcis-la ou demande à l'opérateur d'augmenter TAILOR_CONTEXT_SIZE.",
  badInput: "Je n'ai pas pu utiliser cette entrée.",
  internal: "Quelque chose s'est mal passé de mon côté. Rien n'est perdu : réessaie.",
  busy: "Je travaille encore sur le message précédent de cette conversation. Réessaie dans un instant.",
  stopped:
    "Arrêté. Rien de ce que tu as dit n'est perdu : relancer réécrit cette étape, ou envoie d'abord un message pour changer la demande.",
  nothingToStop: "Rien n'est en cours dans cette conversation pour le moment.",
  noPromptYet: "Il n'y a pas encore de prompt à modifier : réponds d'abord aux questions ou passe-les.",
  slotRequest: "Mets {label} à : {value}",
  defaultsNone:
    "Aucune valeur par défaut n'est définie ici. Un admin peut en définir : /tailor defaults set language=German; tone=friendly",
  defaultsShown:
    "Valeurs par défaut ici (les nouvelles conversations démarrent avec elles comme hypothèses, chacune peut être corrigée) : {list}",
  defaultsSet: "Valeurs par défaut enregistrées. Les nouvelles conversations ici démarrent avec : {list}",
  defaultsCleared: "Valeurs par défaut supprimées : les nouvelles conversations ici démarrent sans.",
  defaultsNoPlace:
    "Les valeurs par défaut appartiennent à un canal (Slack) ou à un serveur (Discord) : utilise /tailor defaults là-bas.",
  defaultsNotAllowedServer:
    "Seuls les membres ayant la permission Gérer le serveur peuvent modifier les valeurs par défaut de ce serveur.",
  defaultsNotAllowed:
    "Seuls les admins de l'espace de travail (ou les personnes indiquées par l'opérateur) peuvent modifier les valeurs par défaut ici.",
  defaultsUsage:
    "Utilise /tailor defaults pour les voir, /tailor defaults set language=German; tone=friendly pour les définir et /tailor defaults clear pour les supprimer. Réglages : {names}.",
  staleSave:
    "Cette étape a duré plus longtemps que ma réservation de la conversation, je n'ai donc pas enregistré son résultat. Rien n'est perdu : relance-la quand tu veux.",
};

export const MESSAGE_LANGUAGES = ["en", "de", "es", "fr"] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const CATALOG: Readonly<Record<MessageLanguage, Messages>> = { en, de, es, fr };

/** English, the language every text is written in first. */
export const EN: Messages = en;

/** A catalog text with its `{name}` values filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
