import type { Translations } from "../../i18n/messages";
import type { nl } from "./messages.nl";

/** English texts of "How does wijknet work?", typed against the Dutch keys. */
export const en: Translations<typeof nl> = {
  "how.title": "How does wijknet work?",
  "how.intro":
    "wijknet is the program of the municipality's community safety network. Allies, coordinators and neighbourhood police officers use it to report tensions in the neighbourhood and deal with them together. This page explains the rules the program uses and what they mean for you.",
  "how.loading": "Loading the settings…",
  "how.error": "The settings could not be loaded.",

  "how.guard.heading": "The word check on reports",
  "how.guard.does":
    "When someone writes a report or a note, wijknet checks for words that say who people are: their nationality, origin, religion, skin colour or appearance. Then wijknet asks: describe what is happening, not who the people are.",
  "how.guard.doesNot":
    "The check decides nothing. It removes nothing and blocks nobody. It does not build a profile of the writer and keeps no list of people.",
  "how.guard.how":
    "The check uses fixed rules and a word list. It is not a self-learning system. Words of {letters} letters or longer are also found with one typing error. The country names come from an open source: world-countries, version {version}.",
  "how.guard.quality":
    "We test the check on a fixed set of example sentences. It must find at least {recall} percent of the descriptions of people, and may wrongly warn on at most {falsePositive} percent of ordinary sentences.",
  "how.guard.wrong":
    "Is a warning wrong? The writer can press 'Not right'. wijknet then keeps only the words of the warning, not the rest of the text. The coordinator reviews these and improves the check.",

  "how.person.heading": "A person always decides",
  "how.person.text":
    "The writer chooses: change the text or save it anyway. A report with a warning never goes to the police straight away. The coordinator reads it first and rewrites the marked parts. Only then can the police officer see it.",

  "how.report.heading": "What happens to a report?",
  "how.report.coordinator": "The network's coordinator sees every report.",
  "how.report.share": "The coordinator decides whether the report goes to the neighbourhood police officer.",
  "how.report.escalation":
    "If the police officer does not respond in time, the backup officers get a message first, then the coordinators. How long wijknet waits depends on how serious the report is:",
  "how.report.col.severity": "Severity",
  "how.report.col.wait": "Wait per step",
  "how.report.off": "not passed on",
  "how.severity.CRITICAL": "Critical",
  "how.severity.HIGH": "High",
  "how.severity.MEDIUM": "Medium",
  "how.severity.LOW": "Low",

  "how.who.heading": "Who sees what?",
  "how.who.coordinator": "The coordinator sees all reports and all figures.",
  "how.who.police":
    "A police officer sees only reports shared with them, in their own neighbourhood. Of a report with a warning, the officer only sees the rewritten text.",
  "how.who.ally": "An ally sees their own reports.",
  "how.who.counts":
    "Numbers of fewer than {k} people are not shown to police officers and allies, so nobody can work out from a figure who it is about.",

  "how.retention.heading": "How long do we keep data?",
  "how.retention.intro": "wijknet clears data by itself when the period is over:",
  "how.retention.col.what": "What",
  "how.retention.col.when": "When",
  "how.retention.signalAnonymise": "A report is made anonymous (text, place and reporter removed) when nothing changed for",
  "how.retention.signalDelete": "A report is deleted completely, this long after it was made",
  "how.retention.contactInactiveAfter": "A contact without any contact moment or membership becomes inactive after",
  "how.retention.contactAnonymiseAfterInactive": "An inactive contact is made anonymous after",
  "how.retention.rsvpAfterSession": "Names given when signing up for a meeting are removed, this long after the meeting",
  "how.unit.days": "{n} days",
  "how.unit.hours": "{n} hours",
  "how.unit.minutes": "{n} minutes",

  "how.rights.heading": "Objecting or asking for your data",
  "how.rights.text":
    "You may ask which data wijknet holds about you. You may also ask for it to be corrected or deleted, and you may object. Contact the municipality or the network's coordinator. The coordinator can download or erase your data for you.",

  "how.discrimination.heading": "Discriminated against? There is an independent service",
  "how.discrimination.text":
    "Do you feel you have been discriminated against, also by the municipality, the police or this network? Contact the anti-discrimination service. It is independent. They listen, give advice and help you for free.",
  "how.discrimination.art1": "Art.1 Midden-Nederland",
  "how.discrimination.national": "Discriminatie.nl (national)",
};
