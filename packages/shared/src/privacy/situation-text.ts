/**
 * The situation-text guard. A signal, a note or a description says what is going on
 * (place, time, behaviour), never who people are: nationality, origin, religion, skin
 * colour. `findSituationTextTerms` finds the words that describe people that way, so the
 * form (immediately) and the server (authoritatively) can ask for a rewording. It is the
 * ONE entry point; the server and the web app both call it.
 *
 * How it reads a text (see ARCHITECTURE.md, "The situation-text guard"):
 *  1. Normalise, keeping the offset of every character in the original text: NFKD with
 *     marks dropped (NFKC + diacritics folded), lower case, zero-width/joiner/format
 *     characters removed, confusable letters of other scripts mapped to Latin (Unicode
 *     confusables, `situation-lexicon.data.ts`).
 *  2. Split into words; runs of three or more single letters split by separators are
 *     joined ("M.a.r.o.k", "M a r o k"); digits and symbols inside a word are read as
 *     letters (1→i/l, 0→o, 3→e, 4→a, 5→s, @→a, $→s …); doubled letters are squeezed
 *     ("Marrokkaanse" = "Marokaanse"), in the text and in the lexicon alike.
 *  3. Look the word up in word FAMILIES (stem × inflections), built from the Dutch and
 *     English country names and English demonyms of `world-countries` plus a hand list
 *     (Dutch demonyms, religion, skin colour, origin phrasings, slang). Long forms also
 *     match at edit distance 1 (a deletion index, verified by Damerau–Levenshtein).
 *  4. Context rules keep the precision: an ADJECTIVE of nationality or religion counts
 *     when its noun is a person ("Marokkaanse knullen") or it stands alone ("ze waren
 *     Marokkaans"), not before a thing ("Turkse pizza", "Surinaamse roti"); a language
 *     used for material ("flyers in het Arabisch"), "bij de Turk" (the shop) and a country
 *     after a preposition ("import uit Polen") are not people; colour words count only
 *     before a person noun. In a `place` field (`kind: "place"`) adjectives count only when
 *     a person noun follows ("bij de Turkse bakker" is a place).
 */
import { CONFUSABLES, COUNTRY_NAMES_EN, COUNTRY_NAMES_NL, DEMONYMS_EN, LEXICON_SOURCES } from "./situation-lexicon.data.js";

/**
 * The guard's settings that the public algorithm register (docs/algorithms/register.json)
 * describes; its test fails when one of these changes without the description.
 */
export const SITUATION_TEXT_SETTINGS = {
  /** Packages the generated lexicon was built from, with their versions. */
  lexiconSources: LEXICON_SOURCES,
  /** Words at least this long also match at Damerau–Levenshtein distance 1. */
  fuzzyMinLength: 8,
  /** The labelled corpus must keep recall at or above this … */
  corpusMinRecall: 0.97,
  /** … and the share of situations that wrongly warn at or below this. */
  corpusMaxFalsePositiveRate: 0.03,
} as const;

export type SituationTextCategory = "NATIONALITY_OR_ORIGIN" | "RELIGION" | "SKIN_COLOUR" | "APPEARANCE";

export interface SituationTextRange {
  /** UTF-16 offsets in the ORIGINAL text, end exclusive (`text.slice(start, end)`). */
  start: number;
  end: number;
}

export interface SituationTextMatch extends SituationTextRange {
  /** The word family, e.g. "marokkaan" for "Marokkaanse", "Marrokanen", "M.a.r.o.k.k.a.a.n.s.e". */
  term: string;
  category: SituationTextCategory;
  /** The first occurrence as written. */
  found: string;
  /** Every occurrence of this family in the text, in order (the first is start/end). */
  positions: SituationTextRange[];
}

export interface SituationTextOptions {
  /** `place`: a place or business name field; adjectives count only when a person noun follows. */
  kind?: "text" | "place";
}

// ---------------------------------------------------------------------------------------
// Lexicon

type Kind = "noun" | "adj" | "always";
interface Entry {
  family: string;
  category: SituationTextCategory;
  kind: Kind;
  /** Only when written with a capital ("Polen", not "pollen"; "Polish", not "polish"). */
  capital?: boolean;
  /** Singular person noun: "bij de Turk" is the shop. */
  singular?: boolean;
}

const NAT = "NATIONALITY_OR_ORIGIN" as const;
const REL = "RELIGION" as const;
const SKIN = "SKIN_COLOUR" as const;
const LOOK = "APPEARANCE" as const;

const squeeze = (w: string) => w.replace(/(.)\1+/g, "$1");
const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean).map(squeeze));
/** Every comparison is between squeezed words ("baard" reads "bard"). */
const squeezed = (xs: Iterable<string>) => new Set([...xs].map(squeeze));

/**
 * Hand list, one family per line: `family|noun forms|adjective forms|flags`. Forms are
 * suffixes of the family root unless they start with "=" (a whole word). `*` in flags:
 * written with a capital only; `c`: also the start of a compound ("moslimjongeren"); `f=name`:
 * the family's name when the first form is not a good one.
 */
const HAND = `
marokk|aan,anen,aantje,aantjes|aans,aanse|
mocro|,s,os,ootje,otjes,=mokro,=mokros,=moccro,=moccros||c
allo|,s||
jihadi|,s||
chassid|,im,en|isch,ische|
carib|ier,iers|isch,ische|
libi|er,ers|sch,sche|
belg|,en|isch,ische|*
brit|,ten|s,se|*
schot|,ten||*
kore|aan,anen|aans,aanse|
arub|aan,anen|aans,aanse|
curacao|enaar,enaars|s,se|
saoedi|,s|sch,sche|
creo|ol,len|olse,ols|
java|an,nen|anse,ans|
indo|,s||*
turk|,en,je,jes|s,se|
surinam|er,ers,ertje|s,se|
hindoest|aan,anen|aans,aanse|
antill|iaan,ianen|iaans,iaanse|
molukk|er,ers|s,se|
kaapverd|iaan,ianen|isch,ische,iaans,iaanse|
somal|ier,iers,i,is|isch,ische|
eritre|eer,eers,eeers,eeer|ees,ese|
ethiop|ier,iers|isch,ische|
syr|ier,iers|isch,ische|
irak|ees,ezen,ezen|ees,ese,ees,ische|
ira|nier,niers,ni|nees,nese,nisch,nische,ans,anse|
afgh|aan,anen|aans,aanse|
pakist|aan,anen,ani|aans,aanse|
koerd|,en|isch,ische|
arab|ier,ieren|isch,ische|
berber|,s|s,se|
afrik|aan,anen|aans,aanse|
noord-afrik|aan,anen|aans,aanse|
azi|aat,aten|atisch,atische|
chin|ees,ezen,eesje|ees,ese|
japan|ner,ners|s,se|
vietnam|ees,ezen|ees,ese|
indon|esier,esiers|esisch,esische|
ind|ier,iers|isch,ische,iaas,iase|
pol|ak,en,akken|s,se|* f=pool
bulga|ar,aren|ars,arse|
roeme|en,enen|ens,ense|
hongar|en|s,se|
oekra|ier,iers,iner,iners|ens,ense|
rus|,sen|sisch,sische|
oost-europ|eaan,eanen|ees,ese|
europ|eaan,eanen|ees,ese|
ghan|ees,ezen|ees,ese|
niger|iaan,ianen|iaans,iaanse|
kongol|ees,ezen|ees,ese|
congol|ees,ezen|ees,ese|
egypt|enaar,enaren|isch,ische|
alger|ijn,ijnen|ijns,ijnse|
tunes|ier,iers|isch,ische|
liban|ees,ezen|ees,ese|
palestijn|,en|s,se|
israel|ier,iers,i|isch,ische|
jemen|iet,ieten|itisch,itische|
soedan|ees,ezen|ees,ese|
bosni|er,ers|sch,sche|
serv|ier,iers|isch,ische|
albane|es,zen|es,se|
armen|ier,iers|isch,ische|
brazil|iaan,ianen|iaans,iaanse|
antilliaan|,en|s,se|
griek|,en|s,se|
itali|aan,anen|aans,aanse|
spanj|aard,aarden|=spaans,=spaanse|
portuge|es,zen|es,se|
fran|sman,sen|se|*
duits|er,ers|,e|
engel|sman,sen|s,se|*
ier|,en|s,se|*
nederland|er,ers|s,se|
amerik|aan,anen|aans,aanse|
thai||,s,se|*
westers||,e|
oosters||,e|
mediterr|aan|aan,ane|
zuidel|ijk|ijk,ijke|
exot|isch|isch,ische|
buitenland|er,ers|s,se|
uitheems||,e|
allochto|on,nen,ne,ontje|on,ne|c
autochto|on,nen|on,ne|c
migrant|,en,e,s|,e|c
immigrant|,en,e,s||c
emigrant|,en||
asielzoek|er,ers|er|c
statushoud|er,ers||
vluchteling|,en,e,etje||c
nieuwkom|er,ers||
gastarbeid|er,ers||
expat|,s||
zigeun|er,ers|er,ers|c
woonwagenbewon|er,ers||
roma|||*
sinti|||
kaaskop|,pen||
bicultur|eel,ele|eel,ele|
etnisch||,e|c
ethnic||,s,al,ally|c
foreign|er,ers|,|
immigr|ant,ants||
refug|ee,ees||
gyps|y,ies||
paki|,s||
asian|,s|,s|
african|,s|,s|
latino|,s,a,as|,s|
hispanic|,s|,s|
arab|,s|ic|
european|,s|,s|
moslim|,s,a,as,aatje,=moslem,=moslems||c
muslim|,s||c
islamiet|,en||c
islamitisch||,e|
islamic||,|
islam|||
salafist|,en|isch,ische|c
salafi|,s||
jihadist|,en|isch,ische|c
jood|,je|=joods,=joodse|
jod|en||
jew|,s|ish|
christen|,en||
christelijk||,e|
christian|,s|,s|
kathol|iek,ieken|iek,ieke|
catholic|,s|,s|
protestant|,en|s,se|
hindoe|,s|s,se,istisch,istische|
hindu|,s|,s|
boeddhist|,en|isch,ische|
buddhist|,s|,s|
sikh|,s||
gelovig|e,en|e|
religieu|zen|s,ze|
religious||,|
jesid|i,is|isch,ische|
`;

/** Always a descriptor of a person (appearance, dress), whatever follows. */
const ALWAYS: Array<[string, SituationTextCategory, string[]]> = [
  ["hoofddoek", REL, ["hoofddoek", "hoofddoeken", "hoofddoekje", "hoofddoekjes", "hoofddoekdragende"]],
  ["hijab", REL, ["hijab", "hijabs", "hidjab"]],
  ["boerka", REL, ["boerka", "boerkas", "burka", "burqa", "burqas"]],
  ["niqaab", REL, ["niqaab", "niqab", "nikab"]],
  ["djellaba", REL, ["djellaba", "djellabas", "jellaba", "jilbab", "kaftan"]],
  ["keppel", REL, ["keppel", "keppeltje", "keppeltjes", "kippah", "kipa", "yarmulke"]],
  ["tulband", REL, ["tulband", "tulbanden", "turban", "turbans"]],
  ["headscarf", REL, ["headscarf", "headscarves", "headscarfs"]],
  ["bebaard", LOOK, ["bebaard", "bebaarde", "bebaarden", "bearded"]],
  ["gesluierd", REL, ["gesluierd", "gesluierde", "gesluierden", "veiled"]],
  ["woonwagenbewoner", NAT, ["woonwagenbewoners", "woonwagenkampbewoners", "woonwagenkampbewoner", "kampbewoners"]],
  ["huidskleur", SKIN, ["huidskleur", "huidskleuren", "skincolour", "skincolor"]],
  ["getint", SKIN, ["getint", "getinte", "getinten", "lichtgetint", "lichtgetinte", "donkergetint", "donkergetinte"]],
  ["gekleurd", SKIN, ["donkergekleurd", "donkergekleurde", "donkergekleurden", "lichtgekleurd", "lichtgekleurde", "gekleurden"]],
  ["blank", SKIN, ["blanke", "blanken", "blankes"]],
  ["zwarten", SKIN, ["zwarten", "zwartjes", "zwartje", "blacks", "whites", "kleurling", "kleurlingen", "bruintje", "bruintjes"]],
  ["negroide", SKIN, ["negroide", "negroid"]],
  ["neger", SKIN, ["neger", "negers", "negerin", "nikker", "nikkers", "bosneger", "bosnegers", "roetmop", "roetmoppen", "nigga", "niggas"]],
  [
    "slur",
    NAT,
    [
      "spleetoog",
      "spleetogen",
      "poepchinees",
      "poepchinezen",
      "geitenneuker",
      "geitenneukers",
      "towelhead",
      "towelheads",
      "raghead",
      "chink",
      "chinks",
    ],
  ],
  ["migratieachtergrond", NAT, ["migratieachtergrond", "migratie-achtergrond", "migrantenachtergrond", "vluchtelingenachtergrond"]],
];

/** Colour words: a description of people only with a person noun close behind. */
const COLOUR = [
  "light",
  "licht",
  "lichte",
  "zwart",
  "zwarte",
  "wit",
  "witte",
  "bruin",
  "bruine",
  "donker",
  "donkere",
  "gekleurd",
  "gekleurde",
  "black",
  "white",
  "brown",
  "dark",
  "coloured",
  "colored",
];

/** People (a person noun behind a colour or, in a place field, a nationality word). */
const PERSON_NOUNS = `jongen jongens jongetje jongetjes jongeren jongere jeugd jeugdigen jongeman jongemannen man mannen mannetje vrouw vrouwen
vrouwtje meid meiden meisje meisjes meisjes kind kinderen kids tiener tieners puber pubers familie families gezin gezinnen buurman buurvrouw
buren bewoner bewoners bewoonster groep groepje groepen types type lui mensen persoon personen knul knullen gast gasten dader daders
verdachte verdachten heer heren dame dames oudere ouderen moeder moeders vader vaders ouders hangjongeren relschoppers overlastgevers
bende crew boys guys men woman women youths youth people person persons family teenagers teens gang lads girls girl boy guy kid kids
neighbour neighbours neighbor neighbors suspect suspects male males female females individuals individual dealers dealer
vriend vrienden vriendin broer broers zus zussen student studenten scholier scholieren leerling leerlingen medewerker eigenaar
klant klanten bezoekers bezoeker passant passanten chauffeur bestuurder fietser fietsers gemeenschap community afkomst komaf
knaap knapen jochie jochies kerel kerels vent venten figuur figuren dief dieven rover rovers zwerver zwervers dealer bende
vrouwtjes mannetjes meisje buurjongen buurmeisje tuig gespuis relschopper vandaal vandalen werknemer arbeider dames heren
achtergrond achtergronden roots origine uiterlijk looking appearance background descent origin skinned skin huid kleur`;

/**
 * Things: a nationality or religion adjective followed by one of these describes food, a
 * shop, a language lesson, an event or an object, not people. Also matched as the last
 * part of a compound ("buurtsuper", "shoarmazaak").
 */
const THING_NOUNS = `pizza pizzas brood broodje broodjes bakker bakkers bakkerij slager slagerij supermarkt super winkel winkeltje toko
restaurant restaurants eethuis ijssalon taverna afhaalchinees snackbar shoarmazaak zaak zaakje keuken eten gerecht gerechten hapjes thee koffie koffiehuis theehuis markt
kapper kapsalon groenteboer nagelstudio belwinkel reisbureau vereniging stichting moskee kerk synagoge tempel school basisschool
les lessen taalles taallessen cursus vlag vlaggen muziek feest feestdag feestdagen bruiloft kenteken nummerplaat auto autos bus busje
zender tv televisie krant kranten ambassade consulaat elftal team wedstrijd voetbal tekst teksten flyer flyers folder folders vertaling
tolk ondertiteling boek boeken liedjes lied koekjes gebak zoetigheden specialiteiten producten nieuwjaar nieuwjaarsfeest begraafplaats
straat laan plein weg kade dreef gracht singel park hof steeg kleed tapijt tapijten thee keukens grill ijs kaas wijn bier worst vlees
lamsvlees pastei soep lunch diner ontbijt buffet maaltijd kerstmarkt avondmarkt markten kraam kraampje festival kermis optocht
voorlichting voorlichtingsavond bijeenkomst informatie uitleg bord borden poster posters website pagina app groepsapp chat
food cuisine restaurant shop store bakery takeaway flag flags police embassy consulate tea coffee music market supermarket school
mosque church synagogue temple language lessons lesson class classes plate plates licence license car cars translation leaflets
newspaper channel festival newyear holiday holidays dishes dish bread pastry cheese pub bar cafe diner kebab grill pastries
herder herders hond honden scooter scooters container containers computer poster`;

const COMPOUND_THING_HEADS_WRITTEN = [
  "winkel",
  "zaak",
  "markt",
  "feest",
  "school",
  "restaurant",
  "bar",
  "vereniging",
  "centrum",
  "les",
  "lessen",
  "kerk",
  "moskee",
  "vlag",
  "keuken",
  "brood",
  "pizza",
  "thee",
  "koffie",
  "super",
  "bakker",
  "bakkerij",
  "slager",
  "slagerij",
  "toko",
  "kapper",
  "kapsalon",
  "kenteken",
  "taal",
  "cursus",
  "tekst",
  "zender",
  "straat",
  "laan",
  "plein",
  "huis",
  "salon",
  "taverna",
  "avond",
  "dienst",
  "dreef",
  "weg",
  "kade",
  "gracht",
  "singel",
  "park",
  "hof",
  "steeg",
  "dijk",
  "buurt",
];

const COMPOUND_THING_HEADS = [...squeezed(COMPOUND_THING_HEADS_WRITTEN)];

/** A language "in het Arabisch" is material (a flyer, a lesson) unless someone spoke it. */
const SPEECH = squeezed(
  `sprekende sprekend pratende speaking spraken spreken spreekt sprak praten praatten praat praatte schreeuwden schreeuwen schreeuwde riepen roepen riep scholden schelden
schold fluisterden fluisteren mompelden brulden bellen belden spoke speaking talking talked shouting shouted yelling
yelled swearing swore`.split(/\s+/),
);

/** Preceding words after which "uit <land>" is about a thing or a trip, not origin. */
const TRIP = squeezed("terug vakantie reis reizen geimporteerd import pakket pakketje lading zending vlucht vliegtuig".split(" "));
const LOOKS = squeezed([
  "uiterlijk",
  "looking",
  "uitziend",
  "uitziende",
  "ogend",
  "ogende",
  "type",
  "types",
  "appearance",
  "trekken",
  "gelaatstrekken",
  "features",
]);
const APPEARANCE_WORDS = squeezed([
  "foreign",
  "exotic",
  "mediteran",
  "zuidelijk",
  "exotisch",
  "anders",
  "niet",
  "buitenlands",
  "oosters",
  "ethnic",
]);
const BACKGROUND = squeezed(["achtergrond", "achtergronden", "afkomst", "komaf", "roots", "background", "descent", "origin"]);
const ORIGIN_QUALIFIERS = squeezed(
  "migratie migranten migrant vluchtelingen culturele etnische andere buitenlandse biculturele niet-nederlandse immigrant immigration migration ethnic cultural foreign".split(
    " ",
  ),
);
/** Words between a nationality adjective and its noun: "Marokkaanse en Turkse jongens", "Turkse lange mannen". */
const MODIFIERS = squeezed(
  `en of and or jonge oude lange grote kleine dikke dunne luidruchtige agressieve boze dronken jongere oudere enkele paar veel
young old big small little loud drunk angry several some many`.split(/\s+/),
);
const ARTICLES = squeezed(["een", "de", "het", "die", "deze", "a", "an", "the", "hem", "haar"]);
/** After a nationality adjective these mean it stands for people ("ze waren Marokkaans en…", "Turks bij…"). */
const FUNCTION_LIST =
  `en of die dat zijn waren is was hebben had hadden werden worden wordt bij op in aan met naar voor van uit te om door achter tegen
ook weer nog niet wel als dan maar want onder tussen elkaar the and are were was is at in on near with from to who that which have had been or not also`.split(
    /\s+/,
  );
const FUNCTION_WORDS = squeezed(FUNCTION_LIST);
/** As written: "maar" squeezed is "mar", which must not make "Mar-rok-kaan-se" a known word. */
const FUNCTION_RAW = new Set(FUNCTION_LIST);
/** Plural and singular endings of nouns for people: "bouwvakkers", "bedelaars", "salafisten", "vluchtelingen". */
const PERSON_TAIL =
  /(ers|ars|eurs|isten|anten|enten|lingen|ianen|ezen|jongens|jongeren|manen|vrouwen|meiden|meisjes|kinderen|jeugd|gasten|types|bende|mensen|lui)$/;
const PERSON_SINGULAR = /(man|vrouw|jongen|meisje|ling|ist|ant|ar|eur)$/;
/** Fixed phrases about origin or colour, matched on consecutive words. */
const PHRASES: Array<[string[], string, SituationTextCategory]> = (
  [
    [["asylum", "seeker"], "asylum seeker", "NATIONALITY_OR_ORIGIN"],
    [["asylum", "seekers"], "asylum seeker", "NATIONALITY_OR_ORIGIN"],
    [["middle", "eastern"], "middle eastern", "NATIONALITY_OR_ORIGIN"],
    [["eerste", "generatie"], "generatie", "NATIONALITY_OR_ORIGIN"],
    [["tweede", "generatie"], "generatie", "NATIONALITY_OR_ORIGIN"],
    [["derde", "generatie"], "generatie", "NATIONALITY_OR_ORIGIN"],
    [["nieuwe", "nederlanders"], "nieuwe nederlanders", "NATIONALITY_OR_ORIGIN"],
    [["of", "colour"], "huidskleur", "SKIN_COLOUR"],
    [["of", "color"], "huidskleur", "SKIN_COLOUR"],
    [["non", "western"], "westers", "NATIONALITY_OR_ORIGIN"],
    [["non", "dutch"], "non-dutch", "NATIONALITY_OR_ORIGIN"],
    [["niet", "nederlands"], "niet-nederlands", "NATIONALITY_OR_ORIGIN"],
    [["niet", "nederlandse"], "niet-nederlands", "NATIONALITY_OR_ORIGIN"],
  ] as Array<[string[], string, SituationTextCategory]>
).map(([words, family, category]) => [words.map(squeeze), family, category]);
const COUNTRY_PREPOSITIONS = squeezed(["uit", "naar", "in", "van", "tegen", "from", "to", "against", "vs"]);
const PHRASES_BY_LAST = new Map<string, typeof PHRASES>();
for (const p of PHRASES) {
  const last = p[0][p[0].length - 1]!;
  PHRASES_BY_LAST.set(last, [...(PHRASES_BY_LAST.get(last) ?? []), p]);
}
/** Said of a person after "met" / "in" / "with": a descriptor of people ("man met een lange baard", "vrouw met een sluier"). */
const BEARD_AND_VEIL = squeezed(["baard", "baarden", "beard", "beards", "gewaad", "gewaden", "robes", "sluier", "sluiers", "veil"]);
const ORIGIN_PREPOSITIONS = squeezed(["uit", "from", "afkomstig", "roots", "wortels", "origine", "komaf", "herkomst"]);
const PLACE_PREPOSITIONS = squeezed(["bij", "naar", "tegenover", "naast", "achter", "voor", "langs", "van"]);

interface Lexicon {
  forms: Map<string, Entry>;
  /** Forms that are also adjectives ("Chinees" the person and the adjective). */
  adjForms: Set<string>;
  compounds: Array<[string, Entry]>;
  deletions: Map<string, string[]>;
  countries: Map<string, string>;
  person: Set<string>;
  thing: Set<string>;
  colour: Set<string>;
}

/** English demonym words that are ordinary English words too, or places. */
const EN_DEMONYM_SKIP = new Set([
  "islander",
  "new",
  "north",
  "south",
  "east",
  "saint",
  "central",
  "equatorial",
  "and",
  "or",
  "turks",
  "caicos",
  "st.",
  "vatican",
  "gibraltar",
  "djibouti",
  "swiss",
  "manx",
  "guinean",
]);
const EN_CAPITAL_ONLY = new Set([
  "polish",
  "french",
  "dutch",
  "danish",
  "swedish",
  "finnish",
  "german",
  "british",
  "turkish",
  "chinese",
  "greek",
]);

/** Roots of Dutch country names ("Marokko" → "marok", "Syrië" → "syri", "Duitsland" → "duits"). */
function dutchRoot(name: string): string | null {
  const n = squeeze(name.replace(/[^a-z]/g, ""));
  if (n.endsWith("land")) return n.length - 4 >= 5 ? n.slice(0, -4) : null;
  const m = /^(.*?)(ije|ie|ia|a|o|e|en)$/.exec(n);
  const root = m ? m[1]! : n;
  return root.length >= 3 ? root : null;
}
/** A derived form is used only when it is long enough not to be an ordinary short word. */
const longEnough = (root: string, form: string) => (root.length >= 5 ? true : root.length === 4 ? form.length >= 6 : form.length >= 7);
const DUTCH_NOUN = ["aan", "anen", "es", "ezen", "er", "ers", "ier", "iers", "ijn", "ijnen", "en", "i", "is", "ees", "eer", "eers"];
const DUTCH_ADJ = ["ans", "anse", "es", "ese", "s", "se", "isch", "ische", "ijns", "ijnse", "iaans", "iaanse"];

let built: Lexicon | null = null;

function lexicon(): Lexicon {
  if (built) return built;
  const forms = new Map<string, Entry>();
  const compounds: Array<[string, Entry]> = [];
  const adjForms = new Set<string>();
  const add = (form: string, e: Entry) => {
    const key = squeeze(form);
    if (key.length < 3) return;
    if (e.kind === "adj") adjForms.add(key);
    const had = forms.get(key);
    // A hand-written entry wins over a derived one; a noun over an adjective.
    if (!had || (had.kind === "adj" && e.kind !== "adj")) forms.set(key, e);
  };
  for (const line of HAND.trim().split("\n")) {
    const [root, nouns = "", adjs = "", flags = ""] = line.split("|");
    const category: SituationTextCategory =
      /^(mosl|muslim|islam|salaf|jihad|jood|jod|jew|christ|kathol|catholic|protest|hind|boed|budd|sikh|gelov|relig|jesid)/.test(root!)
        ? REL
        : NAT;
    const capital = flags.includes("*");
    const expand = (list: string) =>
      list
        .split(",")
        .filter((s) => s !== "-")
        .map((s) => (s.startsWith("=") ? s.slice(1) : `${root}${s}`).replace(/-/g, ""));
    const family = /f=(\w+)/.exec(flags)?.[1] ?? expand(nouns || adjs)[0] ?? root!;
    if (!nouns && !adjs) add(root!, { family, category, kind: "noun", capital });
    if (nouns) for (const [i, f] of expand(nouns).entries()) add(f, { family, category, kind: "noun", capital, singular: i === 0 });
    if (adjs) for (const f of expand(adjs)) add(f, { family, category, kind: "adj", capital });
    if (flags.includes("c")) compounds.push([squeeze(root!.replace(/-/g, "")), { family, category, kind: "noun" }]);
  }
  for (const [family, category, list] of ALWAYS) for (const f of list) add(f.replace(/-/g, ""), { family, category, kind: "always" });
  // Dress as a descriptor in a compound: "hoofddoekmeisjes", "boerkavrouwen".
  for (const f of ["hoofddoek", "boerka", "djellaba", "hijab", "niqab", "keppel", "tulband"])
    compounds.push([squeeze(f), { family: f, category: REL, kind: "always" }]);
  for (const d of DEMONYMS_EN) {
    for (const w of d.split(/[\s,]+/)) {
      if (w.length < 4 || EN_DEMONYM_SKIP.has(w)) continue;
      const family = w;
      const capital = EN_CAPITAL_ONLY.has(w);
      if (!forms.has(family)) add(w, { family, category: NAT, kind: "adj", capital });
      if (!w.endsWith("sh") && !w.endsWith("ese") && !w.endsWith("ch") && !w.endsWith("ss"))
        add(`${w}s`, { family, category: NAT, kind: "noun", capital });
    }
  }
  const countries = new Map<string, string>();
  for (const name of [...COUNTRY_NAMES_NL, ...COUNTRY_NAMES_EN]) {
    const first = name.split(/[\s(]+/)[0]!.replace(/[^a-z-]/g, "");
    if (first.length >= 4 && !countries.has(squeeze(first.replace(/-/g, "")))) countries.set(squeeze(first.replace(/-/g, "")), first);
  }
  for (const name of COUNTRY_NAMES_NL) {
    if (/\s/.test(name)) continue;
    const root = dutchRoot(name);
    if (!root) continue;
    const family = name;
    for (const s of DUTCH_NOUN) if (longEnough(root, root + s)) add(root + s, { family, category: NAT, kind: "noun" });
    for (const s of DUTCH_ADJ) if (longEnough(root, root + s)) add(root + s, { family, category: NAT, kind: "adj" });
    if (name.endsWith("land")) {
      const base = squeeze(name);
      for (const s of ["s", "se", "er", "ers"]) add(base + s, { family, category: NAT, kind: s.startsWith("e") ? "noun" : "adj" });
    }
  }
  // Deletion index for edit distance 1 on long forms.
  const deletions = new Map<string, string[]>();
  for (const key of forms.keys()) {
    if (key.length < 6) continue;
    for (let i = 0; i < key.length; i++) {
      const d = key.slice(0, i) + key.slice(i + 1);
      const list = deletions.get(d);
      if (list) list.push(key);
      else deletions.set(d, [key]);
    }
  }
  built = {
    forms,
    adjForms,
    compounds,
    deletions,
    countries,
    person: words(PERSON_NOUNS),
    thing: words(THING_NOUNS),
    colour: new Set(COLOUR.map(squeeze)),
  };
  return built;
}

// ---------------------------------------------------------------------------------------
// Normalisation

const FORMAT = /^\p{Cf}$/u;
/** Invisible characters that can hide inside a word: format characters, fillers, variation selectors. */
const INVISIBLE = new Set([0x00ad, 0x034f, 0x115f, 0x1160, 0x180b, 0x180c, 0x180d, 0x180e, 0x3164, 0xffa0]);
const isIgnorable = (cp: string) => {
  const c = cp.codePointAt(0)!;
  return FORMAT.test(cp) || INVISIBLE.has(c) || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef);
};
const MARK = /\p{M}/gu;
const LETTER_DIGIT = /[a-z0-9]/;
const LEET: Record<string, string> = { "0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", $: "s", "€": "e" };
const AMBIGUOUS = new Set(["1", "!", "|"]);
/** A symbol for a letter nobody wrote ("M*rokkaans"): read as each vowel in turn. */
const WILDCARD = new Set(["*", "#", "?"]);
const SEPARATOR = /^[\s.\-_*/·•,:;+~'’`"]{1,3}$/;

interface Normalised {
  s: string;
  /** Per normalised character: its start and end offset in the original text. */
  start: Int32Array;
  end: Int32Array;
}

function normalise(text: string): Normalised {
  let out = "";
  let start = new Int32Array(text.length + 16);
  let end = new Int32Array(text.length + 16);
  let k = 0;
  const emit = (c: string, from: number, to: number) => {
    if (k === start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start);
      end = grow(end);
    }
    out += c;
    start[k] = from;
    end[k] = to;
    k++;
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      // ASCII: lower case is all there is to do.
      emit(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!, i, i + 1);
      i++;
      continue;
    }
    const cp = String.fromCodePoint(text.codePointAt(i)!);
    const at = i;
    i += cp.length;
    if (isIgnorable(cp)) continue;
    if (/^\p{M}$/u.test(cp)) {
      if (k > 0) end[k - 1] = i;
      continue;
    }
    const direct = CONFUSABLES[cp];
    const mapped = direct ?? cp.normalize("NFKD").toLowerCase().replace(MARK, "");
    for (const ch of mapped) emit(CONFUSABLES[ch] ?? ch, at, i);
  }
  return { s: out, start, end };
}

interface Token {
  /** Normalised text (lower case, digits as written). */
  raw: string;
  from: number;
  to: number;
  /** Original offsets. */
  start: number;
  end: number;
  capital: boolean;
  /** Written in capitals throughout ("ZWARTE"). */
  allCaps: boolean;
}

const isWordChar = (s: string, k: number): boolean => {
  const c = s[k]!;
  if (LETTER_DIGIT.test(c)) return true;
  if (c in LEET || AMBIGUOUS.has(c) || WILDCARD.has(c)) {
    // A symbol counts as a letter only inside a word ("Musl!ms", "$ultan"), not as punctuation.
    const next = s[k + 1];
    return next !== undefined && LETTER_DIGIT.test(next);
  }
  return false;
};

function tokenise(text: string, n: Normalised): Token[] {
  const { s } = n;
  const tokens: Token[] = [];
  let k = 0;
  while (k < s.length) {
    if (!isWordChar(s, k)) {
      k++;
      continue;
    }
    const from = k;
    while (k < s.length && isWordChar(s, k)) k++;
    const start = n.start[from]!;
    const first = text.slice(start, n.end[from]!);
    const whole = text.slice(start, n.end[k - 1]!);
    tokens.push({
      raw: s.slice(from, k),
      from,
      to: k,
      start,
      end: n.end[k - 1]!,
      capital: first !== first.toLowerCase(),
      allCaps: whole.length > 1 && whole === whole.toUpperCase() && whole !== whole.toLowerCase(),
    });
  }
  // Join runs of three or more single letters split by separators: "M.a.r.o.k", "M a r o k".
  const joined: Token[] = [];
  for (let t = 0; t < tokens.length; ) {
    let u = t;
    while (
      u + 1 < tokens.length &&
      tokens[u]!.raw.length === 1 &&
      tokens[u + 1]!.raw.length === 1 &&
      SEPARATOR.test(s.slice(tokens[u]!.to, tokens[u + 1]!.from))
    )
      u++;
    if (u - t >= 2) {
      const run = tokens.slice(t, u + 1);
      joined.push({ ...run[0]!, raw: run.map((r) => r.raw).join(""), to: run[run.length - 1]!.to, end: run[run.length - 1]!.end });
      t = u + 1;
    } else {
      joined.push(tokens[t]!);
      t++;
    }
  }
  return joined;
}

/**
 * A word split in two by a hyphen, a dot or a space ("Marokk-aanse", "Marokka anse"): joined
 * when neither part is a word of the lexicon and the whole is one.
 */
function mergeSplitWords(lex: Lexicon, n: Normalised, tokens: Token[]): Token[] {
  const out: Token[] = [];
  const known = (raw: string) => {
    const r = readings(raw)[0]!;
    return FUNCTION_RAW.has(raw) || lookup(lex, r) !== null || lex.countries.has(r);
  };
  for (let i = 0; i < tokens.length; i++) {
    let merged: Token | null = null;
    // Longest first: "Mar-rok-kaan-se", then "Marokk-aanse".
    for (let span = 4; span >= 2 && !merged; span--) {
      const parts = tokens.slice(i, i + span);
      if (parts.length < span) continue;
      if (!parts.every((p, k) => k === 0 || /^[\s.\-_*]{1,2}$/.test(n.s.slice(parts[k - 1]!.to, p.from)))) continue;
      const raw = parts.map((p) => p.raw).join("");
      const joined = readings(raw)[0]!;
      if (joined.length < 7 || parts.some((p) => known(p.raw)) || !lookup(lex, joined)) continue;
      const last = parts[parts.length - 1]!;
      merged = { ...parts[0]!, raw, to: last.to, end: last.end };
      i += span - 1;
    }
    out.push(merged ?? tokens[i]!);
  }
  return out;
}

/** The word read as letters: one or two readings (1 as i and as l), doubled letters squeezed. */
const READINGS_CACHE = new Map<string, string[]>();
function readings(raw: string): string[] {
  const cached = READINGS_CACHE.get(raw);
  if (cached) return cached;
  const found = readingsUncached(raw);
  if (READINGS_CACHE.size >= LOOKUP_CACHE_MAX) READINGS_CACHE.clear();
  READINGS_CACHE.set(raw, found);
  return found;
}

function readingsUncached(raw: string): string[] {
  if (!/[a-z]/.test(raw)) return [raw];
  let base = "";
  for (const c of raw) base += LEET[c] ?? c;
  const out = /[1!|]/.test(base) ? [squeeze(base.replace(/[1!|]/g, "i")), squeeze(base.replace(/[1!|]/g, "l"))] : [squeeze(base)];
  // "v" written for "u" ("Tvrkse"): a last reading.
  if (base.includes("v")) out.push(squeeze(out[0]!.replace(/v/g, "u")));
  // One hidden letter ("M*rokkaanse", "Mosl#ms"): each vowel.
  if (/^[^*#?]*[*#?][^*#?]*$/.test(out[0]!)) {
    const withWildcard = out.splice(0);
    for (const w of withWildcard) for (const v of "aeiou") out.push(squeeze(w.replace(/[*#?]/, v)));
  }
  return out;
}

function damerau1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Words repeat: remember the answer for a word (bounded, so a hostile text cannot grow it). */
const LOOKUP_CACHE = new Map<string, Entry | null>();
const LOOKUP_CACHE_MAX = 20_000;

function lookup(lex: Lexicon, word: string): Entry | null {
  const cached = LOOKUP_CACHE.get(word);
  if (cached !== undefined) return cached;
  const found = lookupUncached(lex, word);
  if (LOOKUP_CACHE.size >= LOOKUP_CACHE_MAX) LOOKUP_CACHE.clear();
  LOOKUP_CACHE.set(word, found);
  return found;
}

function lookupUncached(lex: Lexicon, word: string): Entry | null {
  const exact = lex.forms.get(word);
  if (exact) return exact;
  // Diminutives of person nouns: "Antilliaantjes", "Turkjes".
  const dim = /^(.{4,}?)(tjes|tje|jes|je)$/.exec(word);
  if (dim) {
    const base = lex.forms.get(dim[1]!);
    if (base && base.kind !== "adj") return base;
  }
  if (word.length >= 7) {
    // Edit distance 1: the word itself, or one of its deletions, in the deletion index.
    const candidates = new Set<string>(lex.deletions.get(word) ?? []);
    for (let i = 0; i < word.length; i++) {
      const d = word.slice(0, i) + word.slice(i + 1);
      if (lex.forms.has(d) && d.length >= 6) candidates.add(d);
      for (const c of lex.deletions.get(d) ?? []) candidates.add(c);
    }
    for (const c of candidates) {
      // Keep the first two letters: "duister" is not "duitser".
      // Short words only by insertion/deletion, and the first two letters kept: "duister" is not "duitser".
      if (c[0] !== word[0] || c[1] !== word[1]) continue;
      const min = SITUATION_TEXT_SETTINGS.fuzzyMinLength;
      if (Math.max(c.length, word.length) < min || (c.length === word.length && c.length < min)) continue;
      if (damerau1(word, c)) return lex.forms.get(c)!;
    }
  }
  for (const [root, e] of lex.compounds) if (word.length > root.length + 2 && word.startsWith(root) && !isThing(lex, word)) return e;
  // The tail of a compound: "arbeidsmigranten", "kutmarokkanen", "kutturken".
  for (let k = 2; k <= word.length - 6; k++) {
    const tail = lex.forms.get(word.slice(k));
    if (tail && tail.kind !== "adj") return tail;
  }
  // A family before a person noun: "Turkenbende", "Polenjongens".
  for (let k = 4; k <= word.length - 4; k++) {
    const first = lex.forms.get(word.slice(0, k));
    const rest = word.slice(k);
    if (first && (lex.person.has(rest) || PERSON_TAIL.test(rest))) return first;
  }
  return null;
}

const THING_CACHE = new Map<string, boolean>();
/** A noun for people: the list, a demonym noun, or a person ending ("-ers", "-lingen", "-man"). */
function isPerson(lex: Lexicon, word: string | undefined): boolean {
  if (!word || isThing(lex, word)) return false;
  if (lex.person.has(word) || PERSON_TAIL.test(word)) return true;
  const dim = /^(.{3,}?)(tjes|tje|jes|je)$/.exec(word);
  if (dim && lex.person.has(dim[1]!)) return true;
  if (word.length >= 5 && !FUNCTION_WORDS.has(word) && !word.endsWith("iling") && PERSON_SINGULAR.test(word)) return true;
  const entry = lookup(lex, word);
  return entry !== null && entry.kind !== "adj";
}

const isThing = (lex: Lexicon, word: string | undefined): boolean => {
  if (!word) return false;
  const cached = THING_CACHE.get(word);
  if (cached !== undefined) return cached;
  const thing = lex.thing.has(word) || COMPOUND_THING_HEADS.some((h) => word.length >= h.length + 2 && word.endsWith(h));
  if (THING_CACHE.size >= LOOKUP_CACHE_MAX) THING_CACHE.clear();
  THING_CACHE.set(word, thing);
  return thing;
};

/**
 * The words of `text` that describe people by nationality, origin, religion, skin colour
 * or appearance: one match per word family, with every position. Empty when the text
 * describes a situation only.
 */
export function findSituationTextTerms(text: string, options: SituationTextOptions = {}): SituationTextMatch[] {
  if (!text) return [];
  const lex = lexicon();
  const placeField = options.kind === "place";
  const n = normalise(text);
  const tokens = mergeSplitWords(lex, n, tokenise(text, n));
  const read = tokens.map((t) => readings(t.raw));
  const plain = read.map((r) => r[0]!);
  const hits: Array<{ token: Token; family: string; category: SituationTextCategory }> = [];

  const prevWords = (t: number, count: number) => plain.slice(Math.max(0, t - count), t);
  /** Punctuation that ends a phrase between token a and the next one. */
  const boundaries = tokens.map((tok, a) => a + 1 >= tokens.length || /[.;:!?()]/.test(n.s.slice(tok.to, tokens[a + 1]!.from)));
  const boundaryAfter = (a: number) => a < 0 || boundaries[a] !== false;
  const commaAfter = (a: number) => a + 1 < tokens.length && n.s.slice(tokens[a]!.to, tokens[a + 1]!.from).includes(",");
  /** The noun a word at t qualifies, skipping conjunctions, other nationality or colour words and a few adjectives; null at a boundary. */
  const headOf = (t: number): number | null => {
    let j = t;
    for (let k = 0; k < 4; k++) {
      // "jongens, Marokkaans, rond de 17": an adjective before a comma stands on its own.
      if (boundaryAfter(j) || (k === 0 && commaAfter(j))) return null;
      j++;
      const w = plain[j]!;
      const skip = MODIFIERS.has(w) || lex.colour.has(w) || lookup(lex, w)?.kind === "adj";
      if (!skip) return j;
    }
    return null;
  };
  const personFollows = (t: number) => {
    const h = headOf(t);
    return h !== null && isPerson(lex, plain[h]);
  };

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const w = plain[t]!;
    // A listed thing is never a person ("afhaalchinees" is a restaurant).
    if (lex.thing.has(w)) continue;
    const phrase = PHRASES_BY_LAST.get(w)?.find(
      ([words]) => words.length <= t + 1 && words.every((x, i) => plain[t - words.length + 1 + i] === x),
    );
    if (phrase) {
      hits.push({ token: { ...tokens[t - phrase[0].length + 1]!, end: token.end }, family: phrase[1], category: phrase[2] });
      continue;
    }
    // "AZC-bewoners", "azcjongeren": people by where they were received.
    if (
      (w === "azc" && isPerson(lex, plain[t + 1]) && !boundaryAfter(t)) ||
      (w.startsWith("azc") && w.length > 5 && isPerson(lex, w.slice(3)))
    ) {
      hits.push({ token, family: "asielzoeker", category: NAT });
      continue;
    }
    // "uit Marokko", "from Syria", "roots in Turkije".
    const country = lex.countries.has(w) || w === "azc" || w.startsWith("asielzoekerscentr");
    if (country) {
      const before = prevWords(t, 3);
      const origin = before.some((b) => ORIGIN_PREPOSITIONS.has(b));
      const trip = before.some((b) => TRIP.has(b) || isThing(lex, b));
      if (origin && !trip) {
        hits.push({ token, family: lex.countries.get(w) ?? "asielzoeker", category: NAT });
        continue;
      }
      // A country after a preposition is a place ("import uit Polen", "vakantie in Turkije"); as a
      // word of its own it is a country, and only "Polen" (also the people) goes on to the lexicon.
      if (before.length > 0 && COUNTRY_PREPOSITIONS.has(before[before.length - 1]!)) continue;
      if (!lex.forms.has(w)) continue;
    }
    // Colour words of people: "zwarte jongens", "a black man", "dark-skinned".
    // "Witte Vrouwen", "Zwarte Madonna": a name (Dutch writes nouns in lower case), not a description.
    const after = tokens[t + 1];
    const properName = token.capital && after?.capital === true && !after.allCaps;
    // "een zwarte", "de blanke": a colour word after an article, standing alone, is a person.
    const standsAlone = lex.colour.has(w) && ARTICLES.has(plain[t - 1] ?? "") && (t + 1 >= tokens.length || boundaryAfter(t));
    if (lex.colour.has(w) && !properName && (standsAlone || personFollows(t))) {
      hits.push({ token, family: "huidskleur", category: SKIN });
      continue;
    }
    // "buitenlands uiterlijk", "foreign-looking", "mediterraan type".
    if (LOOKS.has(plain[t + 1] ?? "") && (APPEARANCE_WORDS.has(w) || lex.colour.has(w) || lookup(lex, w))) {
      hits.push({ token, family: "uiterlijk", category: LOOK });
      continue;
    }
    if ((w === "kleurtje" || w === "kleur") && prevWords(t, 3).some((b) => b === "met" || b === "van" || b === "of")) {
      const before = prevWords(t, 3);
      if (w === "kleurtje" || before.some((b) => lex.person.has(b))) {
        hits.push({ token, family: "huidskleur", category: SKIN });
        continue;
      }
    }
    if (BEARD_AND_VEIL.has(w)) {
      if (prevWords(t, 3).some((b) => b === "met" || b === "with" || b === "in" || b === "lange" || b === "long" || b === "dikke")) {
        hits.push({ token, family: "baard", category: LOOK });
        continue;
      }
    }
    if (BACKGROUND.has(w) && ORIGIN_QUALIFIERS.has(plain[t - 1] ?? "")) {
      hits.push({ token: { ...tokens[t - 1]!, end: token.end }, family: "migratieachtergrond", category: NAT });
      continue;
    }
    if (w.endsWith("achtergrond") && w.length > "achtergrond".length + 2) {
      hits.push({ token, family: "migratieachtergrond", category: NAT });
      continue;
    }
    let entry: Entry | null = null;
    for (const r of read[t]!) {
      entry = lookup(lex, r);
      if (entry) break;
    }
    if (!entry) continue;
    if (entry.capital && !token.capital) continue;
    if (entry.kind === "always") {
      hits.push({ token, family: entry.family, category: entry.category });
      continue;
    }
    const next = plain[t + 1];
    // "Turkse pizza", "Chinees restaurant", "islamitische slager": a thing, not people.
    if (!boundaryAfter(t) && isThing(lex, next)) continue;
    // A singular noun that is also the adjective ("Chinees", "Irakees") reads like an adjective.
    const pluralS = tokens[t + 1]?.raw === "s" && /^['’]$/.test(n.s.slice(token.to, tokens[t + 1]!.from));
    if (!pluralS && (entry.kind === "adj" || (entry.kind === "noun" && entry.singular && lex.adjForms.has(plain[t]!)))) {
      // An adjective describes people when its noun is a person ("Marokkaanse knullen",
      // "Poolse bouwvakkers"), or it stands alone ("ze waren Marokkaans", "ze spraken
      // Arabisch"); before any other noun it describes a thing ("Surinaamse roti").
      const h = headOf(t);
      const head = h === null ? undefined : plain[h];
      // "Een Marokkaanse sloeg een meisje": the adjective stands for a person before a verb and its object.
      const nominal = h !== null && ARTICLES.has(plain[t - 1] ?? "") && ARTICLES.has(plain[h + 1] ?? "");
      // "ze spraken Turks onder elkaar": a language said of people.
      const spokenBy = prevWords(t, 3).some((p) => SPEECH.has(p)) || plain.slice(t + 1, t + 3).some((p) => SPEECH.has(p));
      if (head !== undefined && !isPerson(lex, head) && !FUNCTION_WORDS.has(head) && !nominal && !spokenBy) continue;
      // "flyers in het Nederlands, Arabisch en Turks", "tolk Arabisch": a language used for
      // material or a service, unless someone spoke it.
      let b = t - 1;
      while (b >= 0 && (plain[b] === "en" || plain[b] === "of" || plain[b] === "and" || lookup(lex, plain[b]!)?.kind === "adj")) b--;
      const spoken = prevWords(t, 6).some((p) => SPEECH.has(p));
      if (!spoken && b >= 0 && (plain[b] === "het" || plain[b] === "t" || isThing(lex, plain[b]))) continue;
      if (placeField && !personFollows(t)) continue;
    } else if (entry.singular && tokens[t + 1]?.raw !== "s") {
      // "bij de Turk", "naar de Chinees": the shop.
      const [p2, p1] = prevWords(t, 2);
      if (p1 === "de" && p2 && PLACE_PREPOSITIONS.has(p2)) continue;
      if (placeField && p1 === "de") continue;
    }
    hits.push({ token, family: entry.family, category: entry.category });
  }

  const byFamily = new Map<string, SituationTextMatch>();
  for (const h of hits) {
    const range = { start: h.token.start, end: h.token.end };
    const had = byFamily.get(h.family);
    if (had) had.positions.push(range);
    else
      byFamily.set(h.family, {
        term: h.family,
        category: h.category,
        found: text.slice(range.start, range.end),
        ...range,
        positions: [range],
      });
  }
  return [...byFamily.values()].sort((a, b) => a.start - b.start);
}
