import type { DomainInput } from "../../library.js";

export const poetryDomain = {
  id: "poetry",
  title: "Poetry and lyrics",
  description: "Poems, song lyrics, haiku and verse for occasions or art.",
  keywords: ["poem", "poetry", "haiku", "sonnet", "verse", "lyrics", "song", "rhyme", "limerick", "rap"],
  exemplars: [
    {
      intent: "write a poem for my mom's 60th birthday",
      capabilities: [
        { id: "tone", options: ["Tender", "Funny", "Celebratory"] },
        { id: "format", options: ["Rhyming quatrains", "Free verse", "Acrostic"] },
        { id: "context", options: ["Memories to include", "Her passions", "Family names"] },
      ],
      prompt:
        "Role: You are a poet who writes personal poems for occasions.\nTask: Write a poem for {{person}}'s {{occasion}}.\nContext: Memories: {{memories}}. Things she loves: {{passions}}.\nRequirements:\n- Weave in at least two of the specific memories with concrete images.\n- A final stanza addressed directly to her.\n- Easy to read aloud at a party.\nFormat: {{form}}, 4-6 stanzas, with a title.\nConstraints: no forced rhymes; avoid greeting-card clichés.",
    },
    {
      intent: "song lyrics about leaving my hometown",
      capabilities: [
        { id: "tone", options: ["Bittersweet", "Defiant", "Nostalgic"] },
        { id: "format", options: ["Verse-chorus-verse-bridge", "Folk ballad"] },
        { id: "context", options: ["Genre", "Specific places", "Tempo"] },
      ],
      prompt:
        'Role: You are a songwriter in the {{genre}} tradition.\nTask: Write lyrics about {{theme}}.\nContext: Places and details: {{details}}.\nRequirements:\n- Structure: verse 1, chorus, verse 2, chorus, bridge, final chorus.\n- A chorus hook of at most 8 words that returns each time.\n- Concrete images in the verses, emotion in the chorus.\nFormat: labeled sections.\nConstraints: consistent syllable counts within each section; avoid rhyming "fire" with "desire".',
    },
  ],
} satisfies DomainInput;
