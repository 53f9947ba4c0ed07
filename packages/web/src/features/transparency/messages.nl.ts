/** Dutch texts of the public page "Hoe werkt wijknet?" (B1; messages.en.ts has the same keys). */
export const nl = {
  "how.title": "Hoe werkt wijknet?",
  "how.intro":
    "wijknet is het programma van het veiligheidsnetwerk van de gemeente. Bondgenoten, coördinatoren en wijkagenten melden er spanningen in de wijk mee en pakken die samen aan. Hier leest u welke regels het programma gebruikt en wat dat voor u betekent.",
  "how.loading": "De instellingen worden geladen…",
  "how.error": "De instellingen konden niet worden geladen.",

  "how.guard.heading": "De woordcontrole bij meldingen",
  "how.guard.does":
    "Schrijft iemand een melding of notitie? Dan kijkt wijknet of er woorden in staan die zeggen wie mensen zijn: hun nationaliteit, afkomst, geloof, huidskleur of uiterlijk. Dan vraagt wijknet: beschrijf wat er gebeurt, niet wie het zijn.",
  "how.guard.doesNot":
    "De controle beslist niets. Ze verwijdert niets en blokkeert niemand. Ze maakt geen profiel van de schrijver en houdt geen lijst van mensen bij.",
  "how.guard.how":
    "De controle werkt met vaste regels en een woordenlijst. Het is geen zelflerend systeem. Woorden van {letters} letters of langer herkent ze ook met één tikfout. De landnamen komen uit een open bron: world-countries, versie {version}.",
  "how.guard.quality":
    "We testen de controle met een vaste set voorbeeldzinnen. Ze moet minstens {recall} procent van de beschrijvingen van mensen vinden. En ze mag bij hoogstens {falsePositive} procent van de gewone zinnen onterecht waarschuwen.",
  "how.guard.wrong":
    "Klopt een waarschuwing niet? Dan kan de schrijver op 'Klopt niet' drukken. wijknet bewaart dan alleen de woorden van de waarschuwing, niet de rest van de tekst. De coördinator bekijkt die meldingen en verbetert de controle.",

  "how.person.heading": "Een mens beslist altijd",
  "how.person.text":
    "De schrijver kiest zelf: de tekst aanpassen of toch opslaan. Een melding met een waarschuwing gaat nooit meteen naar de politie. De coördinator leest hem eerst en schrijft de gemarkeerde stukken opnieuw. Pas daarna kan de wijkagent hem zien.",

  "how.report.heading": "Wat gebeurt er met een melding?",
  "how.report.coordinator": "De coördinator van het netwerk ziet elke melding.",
  "how.report.share": "De coördinator beslist of de melding naar de wijkagent gaat.",
  "how.report.escalation":
    "Reageert de wijkagent niet op tijd? Dan krijgen eerst de vervangende wijkagenten een bericht, en daarna de coördinatoren. Hoe lang wijknet wacht, hangt af van hoe ernstig de melding is:",
  "how.report.col.severity": "Ernst",
  "how.report.col.wait": "Wachttijd per stap",
  "how.report.off": "niet doorsturen",
  "how.severity.CRITICAL": "Zeer ernstig",
  "how.severity.HIGH": "Ernstig",
  "how.severity.MEDIUM": "Gemiddeld",
  "how.severity.LOW": "Laag",

  "how.who.heading": "Wie ziet wat?",
  "how.who.coordinator": "De coördinator ziet alle meldingen en alle cijfers.",
  "how.who.police":
    "De wijkagent ziet alleen meldingen die met hem of haar gedeeld zijn, in de eigen wijk. Van een melding met een waarschuwing ziet de wijkagent alleen de herschreven tekst.",
  "how.who.ally": "Een bondgenoot ziet de eigen meldingen.",
  "how.who.counts":
    "Aantallen van minder dan {k} mensen tonen we niet aan wijkagenten en bondgenoten. Zo kan niemand uit een cijfer afleiden over wie het gaat.",

  "how.retention.heading": "Hoe lang bewaren we gegevens?",
  "how.retention.intro": "wijknet ruimt gegevens vanzelf op als de termijn voorbij is:",
  "how.retention.col.what": "Wat",
  "how.retention.col.when": "Wanneer",
  "how.retention.signalAnonymise": "Een melding wordt anoniem (tekst, plaats en melder gaan weg) als er zo lang niets aan veranderd is",
  "how.retention.signalDelete": "Een melding wordt helemaal verwijderd, zo lang na de melding",
  "how.retention.contactInactiveAfter": "Een contact zonder contactmoment en zonder lidmaatschap wordt inactief na",
  "how.retention.contactAnonymiseAfterInactive": "Een inactief contact wordt anoniem na",
  "how.retention.rsvpAfterSession": "Namen bij een aanmelding voor een bijeenkomst gaan weg, zo lang na de bijeenkomst",
  "how.unit.days": "{n} dagen",
  "how.unit.hours": "{n} uur",
  "how.unit.minutes": "{n} minuten",

  "how.rights.heading": "Bezwaar maken of uw gegevens opvragen",
  "how.rights.text":
    "U mag vragen welke gegevens wijknet over u heeft. U mag ook vragen om ze te verbeteren of te verwijderen, en u mag bezwaar maken. Neem contact op met de gemeente of met de coördinator van het netwerk. De coördinator kan uw gegevens voor u downloaden of wissen.",

  "how.discrimination.heading": "Gediscrimineerd? Er is een onafhankelijk bureau",
  "how.discrimination.text":
    "Heeft u het gevoel dat u gediscrimineerd bent? Ook door de gemeente, de politie of dit netwerk? Neem dan contact op met het antidiscriminatiebureau. Dat bureau is onafhankelijk. Ze luisteren, geven advies en helpen u gratis.",
  "how.discrimination.art1": "Art.1 Midden-Nederland",
  "how.discrimination.national": "Discriminatie.nl (landelijk)",
} as const;
