"""Words and patterns for what a company does and where, in free text: project stage, sector
themes, activities, kinds of support, who applies, partners, province. Data for
instruments.profile_reading, not logic.

Everything is matched against normalised text (lower case, no accents, straight quotes).
"""

from __future__ import annotations

import re
from typing import get_args

from instruments.models import Activity, ApplicantType, Region, Stage, SupportType, Theme


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("".join(parts))


STAGE_ORDER: tuple[Stage, ...] = get_args(Stage)
_RND = (r"\br ?& ?d\b|\bs ?& ?o\b|speur- en ontwikkel|research (?:and|&) development"
        r"|onderzoek en ontwikkeling")
_PILOT = (r"\bpilot|\bdemonstrat|\bdemo\b|\bproeftuin|\bveldtest|\bfield (?:test|trial)"
          r"|\bpraktijkproef")
STAGE_STRONG: tuple[tuple[Stage, re.Pattern[str]], ...] = (
    ("idea", _rx(r"\bidee ?-?fase|\bidea (?:stage|phase)|\b(?:alleen|slechts|nog maar|pas) ",
                 r"een idee\b|\b(?:only|just|still) an idea\b")),
    ("feasibility", _rx(r"haalbaar|\bfeasib|\bviab(?:le|ility)\b")),
    ("rnd", _rx(_RND)),
    ("prototype", _rx(r"\bprototyp|\bproof of concept|\bpoc\b|\bmvp\b")),
    ("pilot", _rx(_PILOT)),
    ("market_entry", _rx(r"marktintroductie|\bmarket (?:entry|launch|introduction)",
                         r"|\bgo[- ]to[- ]market|\bnaar de markt|\bop de markt (?:brengen|zetten)",
                         r"|\bto (?:the )?market\b|\bcommerciali[sz]")),
    ("scale_up", _rx(r"\bopschal|\bscale[- ]?ups?\b|\bscaling(?: up)?\b",
                     r"|\bproducti(?:e ?lijn|elijn|on line)",
                     r"|\b(?:eerste|first) (?:fabriek|factory)\b")),
)
# "past the pilot stage", "voorbij de prototypefase": the stage named is behind the company, so
# it is read as market entry rather than as the stage it names.
PAST_STAGE = _rx(r"\b(?:past|beyond|voorbij) (?:the |de |het |our |onze )",
                 r"(?:pilot|demo|demonstrati(?:e|on)|prototype|proof of concept)",
                 r"(?:[- ]?(?:stage|phase|fase))?\b")
STAGE_WEAK: tuple[tuple[Stage, re.Pattern[str]], ...] = (
    ("idea", _rx(r"\bidee(?:en)?\b|\bideas?\b")),
    # not the trade ("web developer", "softwareontwikkelaar"): a job, not a stage
    ("rnd", _rx(r"\bonderzoek(?:en)?\b|(?<!market )\bresearch\b|\bontwikkel(?!aar)",
                r"|\bdevelop(?!ers?\b)")),
    ("market_entry", _rx(r"\blaunch|\blancer|\beerste klanten\b|\bfirst customers\b",
                         r"|\bop de markt\b|\bon the market\b")),
    ("scale_up", _rx(r"\bgroei|\bgrow")),
)
STAGE_ALIASES: dict[str, str | None] = {
    **{s.replace("_", " "): s for s in STAGE_ORDER}, "r&d": "rnd", "s&o": "rnd",
    "research": "rnd", "onderzoek": "rnd", "development": "rnd", "idee": "idea",
    "haalbaarheid": "feasibility", "feasibility study": "feasibility",
    "haalbaarheidsstudie": "feasibility", "demo": "pilot", "demonstration": "pilot",
    "demonstratie": "pilot", "marktintroductie": "market_entry", "launch": "market_entry",
    "market": "market_entry", "scaleup": "scale_up", "opschalen": "scale_up",
    "growth": "scale_up", "groei": "scale_up",
}

THEMES: tuple[tuple[Theme, re.Pattern[str]], ...] = (
    ("energy_climate", _rx(r"\benergie|\benergy|waterstof|\bhydrogen|\bzonne|\bsolar",
                           r"|\bwind(?:energie|turbine|park|molen)?\b|klimaat|\bclimate|\bco2",
                           r"|\bemissie|\bemission|\bwarmte|heat pump|\bbatterij|\bbatter(?:y|ies)",
                           r"|\brenewable|verduurzam|netcongestie|\baardgas|\bgas(?:verbruik|gebruik)\b",
                           r"|\bgas (?:use|usage|consumption|boilers?)\b",
                           r"|\b(?:natural|fossil) gas\b",
                           r"|warmteopslag|heat storage|\bboilers?\b|\bketels?\b")),
    ("circular", _rx(r"\bcircula|\brecycl|hergebruik|\breus(?:e|ing)\b|\bafval|\bwaste\b",
                     r"|\bbiobased")),
    ("agri_food", _rx(r"\bagri|landbouw|\bboer|\bfood|voedsel|\bvoeding|tuinbouw|\bhorticult",
                      r"|veehouder|akkerbouw|\bzuivel|\bdairy|\bfarm|\bteler\b|\bkweker",
                      r"|\bgreenhouse|\bgrowers?\b")),
    ("health", _rx(r"\b(?:gezondheids)?zorg(?:sector|instelling\w*|technologie|verlen\w*",
                   r"|innovatie)?\b|\bmedisch|\bmedical|\bhealth|\bmedtech|\bmedische",
                   r"|\bgezondheid|ziekenhui|\bhospital|\bpatient|\bpharma|\bfarma",
                   r"|\blife sciences|\bmedicijn|\bgeneesmiddel|\bantibiot|\bvaccin",
                   r"|\bmedicines?\b|\bdrug (?:candidate|discovery|development)|\btherap")),
    ("ict_digital", _rx(r"software|\bai\b|artificial intelligence|kunstmatige intelligentie",
                        r"|\bapps?\b|\bsaas\b|\bdigita|\bict\b|\bit[- ]bedrijf|big data",
                        r"|\bdata[- ]?(?:analy|science|platform)|\bcloud|machine learning",
                        r"|\bfintech")),
    ("hightech", _rx(r"\bchips?\b|\bsemicon|halfgeleider|fotonica|\bphotonic|\bhigh[- ]?tech",
                     r"|\bmachines?\b(?! learning)|\bmachinebouw|\bmachinery|\brobot|mechatron",
                     r"|\bsensor|\bquantum|\bkwantum|\bnanotech|\blaser|maakindustrie",
                     r"|machinefabriek|metaalbewerk|\bmetalwork",
                     r"|\bmanufactur")),
    ("chemistry", _rx(r"\bchemi|\bchemical|\bchemisch|katalys|catalys|\bpolymer|\bcoating")),
    ("water_maritime", _rx(r"\bwater(?!stof)|(?:drink|afval|grond)water|wastewater",
                           r"|\bmaritie?m|\bmaritime|scheepvaart|scheepsbouw|\bshipping",
                           r"|shipbuilding|\boffshore|\bhaven|\bdelta\b|\bocean")),
    ("logistics", _rx(r"logistiek|\blogistic|\btransport|supply chain|\bwarehous|\bmagazijn",
                      r"|distributie|\bvracht|\bfreight")),
    ("security", _rx(r"defensie|\bdefen[cs]e|\bsecurity|beveiliging|\bcyber")),
    ("creative", _rx(r"\bcreati|\bgames?\b|\bgaming|\bdesign|\bmedia\b|\bfashion|\bmode\b",
                     r"|\bmuziek|\bmusic\b|\bfilm")),
    ("biotech", _rx(r"biotech|\benzym|\bgenetic|\bgenetisch|\bcrispr|\bbiologics?\b|\bmicrob",
                    r"|\bcell therap|celtherap|synthetic biology")),
    ("oncology", _rx(r"kanker|oncolog|\bcancer|\btumou?r")),
    ("space_aviation", _rx(r"ruimtevaart|luchtvaart|\baerospace|\baviation|\bsatelli",
                           r"|\bspace (?:tech|industry|sector)|\bdrones?\b|\baircraft")),
)
# the user saying who the company is ("wij zijn een bakkerij", "I run a garage"): only such a
# message changes a sector known earlier; "can I get both on the same machine?" does not make a
# dairy farm a machine builder (conversations-dev3 cd3-33)
SELF_DESCRIPTION = _rx(r"\b(?:wij zijn|we zijn|ik ben|ik heb een|we hebben een|wij hebben een",
                       r"|ik run|wij runnen|we runnen|mijn bedrijf|ons bedrijf|onze (?:zaak|firma",
                       r"|onderneming)|mijn (?:zaak|firma|onderneming)|we are|we're|i am|i'm",
                       r"|i run|we run|i own|we own|i have an?|we have an?|my company|our company",
                       r"|my business|our business|our firm)\b")
# "ik heb een bakkerij", "I run a garage": a business of one's own, named by its kind (a
# self-description with no headcount was refused as off-topic); the kinds that count are in
# instruments/data/business_kinds.txt, so not "ik heb een idee" or "I have a bomb".
OWN_BUSINESS = _rx(
    r"\b(?:ik heb|wij hebben|we hebben|ik run|ik bezit|ik ben eigenaar van|i run|i own|we run",
    r"|we own|i have|we have|i'm the owner of|i am the owner of|wij zijn|we zijn|we are|we're",
    r"|ik ben|i am|i'm) (?:een|an?|my|our|mijn|onze) ",
    r"(?:eigen |kleine? |small |little |familie|family )?(?P<business>[a-z'-]{4,30})\b",
)
# developing nothing new oneself: "we ontwikkelen zelf niks nieuws", "we don't develop
# anything": the development words in such a message are no plan (dev3 cd3-19 got the WBSO)
NOT_DEVELOPING = _rx(
    r"\b(?:ontwikkel\w*|bedenken|maken)\s+(?:we\s+|wij\s+)?zelf\s+(?:niks|niets)\b",
    r"|\b(?:niks|niets|nothing) (?:nieuws|new) (?:zelf|ourselves|of our own)?",
    r"|\b(?:we|wij|i|ik) (?:don'?t|do not|ontwikkelen niet|ontwikkel niet)(?: develop)?",
    r"(?: anything| iets)?(?: new| nieuws)?(?: ourselves| zelf)?\b(?! (?:a|an|the|een|de|het) )",
    r"|\bgeen eigen ontwikkeling\b",
)
SECTOR_PHRASE = _rx(r"\b(?:in|binnen|within) (?:de|het|the) (?P<sector>[a-z&'-]+?(?: [a-z&'-]+)?)",
                    r" ?-?(?:sector|branche|industrie|industry)\b")

_PROCUREMENT = (r"\b(?:voor|for|met|with) (?:de |het |een |the |a |our )?(?:gemeente|overheid"
                r"|government|municipalit|provincie|ministerie|ministry|rijkswaterstaat"
                r"|public sector|publieke sector)|\bchallenge|\baanbested|\bprocurement"
                r"|launching customer|\b(?:gemeente|overheid|government|municipality) (?:als|as) "
                r"(?:klant|customer|client)"
                # "sell it to municipalities", "verkopen aan gemeenten en waterschappen"
                r"|\b(?:sell|selling|verkopen|verkoop|leveren|supply|supplying|aanbieden) "
                r"(?:[\w-]+ ){0,3}(?:to|aan) (?:de |het |the |a |an |our )?(?:[\w-]+ )?"
                r"(?:gemeente|overheid|government|municipalit|provincie|ministerie|ministry"
                r"|rijkswaterstaat|waterschap|public (?:sector|bodies|authorit))"
                # "een eerste klant vinden bij de overheid", "a first customer in government"
                r"|\b(?:klant|klanten|customers?|clients?|afnemers?) (?:vinden |finden )?"
                r"(?:bij|at|in|within) (?:de |het |the |a |an )?(?:[\w-]+ )?(?:gemeente|overheid"
                r"|government|municipalit|provincie|ministerie|ministry|public sector)"
                # "de gemeente Amsterdam wil het als eerste afnemen": a public launching customer
                r"|\b(?:gemeente|overheid|government|municipality|city|provincie|ministerie"
                r"|ministry|rijkswaterstaat)\b[^.?!]{0,40}\b(?:als eerste|eerste klant"
                r"|eerste afnemer|afnemen|first customer|first buyer|buy it first)")
_EQUITY = (r"investeerder|\binvestor|\bkapitaal|\bcapital\b|\binvestment|\bequity"
           r"|financieringsronde|funding round|durfkapitaal|\bventure|\baandelen|\bseed\b"
           r"|\bseries [ab]\b")
_LOAN = r"\blening|\bloans?\b|krediet|(?<!tax )\bcredit\b|\blenen\b|\bborrow"
_ADVICE = r"\badvies|\badvice|\bcoaching|\bcoach\b|\btraining|\bbegeleiding|\bopleiding|\bmentor"
ACTIVITIES: tuple[tuple[Activity, re.Pattern[str]], ...] = (
    # a patent of one's own is the fruit of one's own R&D ("hebben net octrooi op ons product":
    # the innovation box's textbook case, conversations c025)
    ("own_rnd", _rx(_RND, r"|\beigen onderzoek|\bin-house research|\bwbso\b",
                    r"|\b(?:octrooi|patent)(?:en|s|ed)?\b")),
    ("development_project", _rx(r"ontwikkelproject|innovatieproject|development project",
                                r"|innovation project|\bprototyp",
                                r"|\bnieuwe? (?:soort|type) |\bnew (?:kind|type|sort) of ",
                                r"|\bnieuwe? (?:[\w-]+ )?(?:product|dienst|systeem|technologie",
                                r"|techniek|materiaal|productieproces|methode|manier om",
                                r"|[a-z]+lijn|algoritme|medicijn)\b",
                                r"|\bnew (?:[\w-]+ )?(?:product|service|system|technology|material",
                                r"|production process|method|way to|algorithm|drug|medicine)\b",
                                r"|\bontwikkel(?:en|t)? (?:van )?(?:een |ons )?(?:nieuw|innovatie)",
                                r"|\bdevelop(?:ing|s)? (?:a |an |our )?(?:new|innovative)\b",
                                # building a thing of one's own: "we are building a new AI
                                # model", "een app die boeren helpt", "een lijn bouwen"
                                r"|\b(?:bouw|ontwikkel|build|develop)\w* ",
                                r"(?:[\w'-]+ ){0,4}(?:app|applicatie|software|platform",
                                r"|sensor|model|algoritme|algorithm|systeem|system|robot|apparaat",
                                r"|device|installatie|prototype|productielijn|recyclinglijn",
                                r"|engine|algo|tool|coating)s?\b",
                                r"|\b(?:een|an?) (?:[\w-]+ )?(?:app|platform|tool|sensor|robot",
                                r"|machine|apparaat|device) (?:die|dat|that|which|to|om)\b")),
    ("demonstration", _rx(_PILOT)),
    ("digitalisation", _rx(r"digitali[sz]|\bwebshop|e-?commerce|online verkop",
                           r"|\bsell(?:ing)? online|automatiser|\bautomat(?:e|ion|ing)\b",
                           r"|\berp\b|\bcrm\b")),
    ("export", _rx(r"\bexport|buitenland|\binternationa|\babroad|\bforeign|overseas",
                   r"|wereldwijd|worldwide|global markets?|\b(?:in|met|with|uit|from) (?:",
                   r"belgi\w+|duitsland|germany|frankrijk|france|vlaanderen|flanders|spanje",
                   r"|spain|itali\w+|denemarken|denmark|zweden|sweden|canada|singapore|japan",
                   r"|india|taiwan|korea)\b",
                   # a market abroad: "expand into the US market" (conversations-dev4 cd4-34)
                   r"|\b(?:us|usa|american|amerikaanse|chinese|aziatische|asian|duitse|german"
                   r"|franse|french|britse|british|uk|europese|european) markt"
                   r"|\bthe (?:us|usa|american|chinese|asian|german|french|british|uk|european)"
                   r" market|\bverenigde staten|\bunited states|\bnaar (?:amerika|de vs|azie|china)"
                   r"|\binto (?:the )?(?:us|usa|america|asia|china)\b")),
    ("procurement", _rx(_PROCUREMENT)),
    ("collaboration", _rx(r"samenwerk|\bconsortium|\bpartners?\b|\bpartnership|together with",
                          r"|\bcollaborat|\bco-?operat|\bsamen met\b|joint (?:project|research)",
                          r"|\bwith (?:a|an|another|two|other) (?:\w+ )?(?:compan|firm|startup|sme",
                          r"|universit)|\bmet (?:een|twee) (?:ander\w* )?(?:\w+ )?(?:bedrij",
                          r"|onderneming|startup|universiteit)")),
    ("financing", _rx(_EQUITY, "|", _LOAN, r"|\bfunding\b|\bfinanciering")),
    ("valorisation", _rx(r"valorisat|\btech(?:nology)? transfer|kennisbenutting",
                         r"|\bspin[- ]?(?:off|out)")),
    ("advice", _rx(_ADVICE)),
)
SUPPORT: tuple[tuple[SupportType, re.Pattern[str]], ...] = (
    ("tax", _rx(r"belasting|\btax\b|\bfiscal|\bfiscaal|\bfiscale|\bwbso\b|innovatiebox",
                r"|innovation box|afdrachtvermindering")),
    ("subsidy", _rx(r"subsidie|\bsubsid|\bgrants?\b")),
    ("loan", _rx(_LOAN)),
    ("equity", _rx(_EQUITY)),
    ("procurement", _rx(_PROCUREMENT)),
    ("advice", _rx(_ADVICE)),
)

_I_AM = r"\b(?:ik ben|i am|i'm|im|we zijn|wij zijn|we are|we're|werk als|work as)\s"
_I_AM_A = _I_AM + r"(?:een |a |an )?(?:[a-z-]+ )?"
_FARM = r"boer|boerin|veehouder|tuinder|akkerbouwer|teler|kweker|agrarier|farmer|grower"
_ACADEMIC = (r"onderzoeker|promovendus|postdoc|phd(?:[- ](?:student|candidate))?|hoogleraar"
             r"|professor|wetenschapper|researcher|scientist|universitair (?:hoofd)?docent|lector")
_UNIVERSITIES = (r"rug\b|uva\b|vu\b|tu/?e\b|tud\b|uu\b|eur\b|wur\b|ru\b|um\b|ut\b|erasmus"
                 r"|radboud|leiden|utrecht|groningen|delft|twente|maastricht|tilburg|wageningen"
                 r"|eindhoven|amsterdam")
APPLICANT_TYPES: tuple[tuple[ApplicantType, re.Pattern[str]], ...] = (
    ("researcher", _rx(_I_AM_A, r"(?:", _ACADEMIC, r")\b|\b(?:", _ACADEMIC, r") ",
                       r"(?:at|aan|bij|van|of|in) (?:de |het |the |a |an )?(?:[a-z/-]+ )?",
                       r"(?:universiteit|university|umc|hogeschool|tu\b|tno|institu|lab|",
                       _UNIVERSITIES, r")")),
    ("knowledge_institution", _rx(_I_AM, r"(?:een |a |an |de |the )?(?:[a-z-]+ )?(?:universiteit",
                                  r"|university|hogeschool|kennisinstelling|knowledge institution",
                                  r"|research (?:institute|organi[sz]ation)|onderzoeksinstitu",
                                  r"|onderzoeksinstelling|umc|to2)")),
    ("investment_fund", _rx(_I_AM_A, r"(?:fonds|fund|investeringsfonds|investeerder|investor|vc",
                            r"|venture capitalist|business angels?)\b",
                            # "we are a group of six business angels", "I manage a new VC fund"
                            r"|", _I_AM, r"(?:een |a |an )?(?:groep|group|club|netwerk|network) ",
                            r"(?:van |of )?(?:\w+ )?(?:business angels|investeerders|investors)\b",
                            r"|\b(?:i|we|ik|wij) (?:manage|run|beheer|beheren) ",
                            r"(?:a |an |een |ons |our )(?:[\w-]+ ){0,3}(?:vc[- ]?)?",
                            r"(?:fund|fonds)\b",
                            r"(?! (?:application|aanvraag))",
                            r"|\b(?:i am|i'm|ik ben) (?:a |an |een )?(?:fund manager",
                            r"|fondsbeheerder|fondsmanager)\b")),
    ("public_body", _rx(_I_AM_A, r"(?:gemeente|municipality|provincie|province|ministerie",
                        r"|ministry|waterschap)\b")),
    ("farmer", _rx(_I_AM_A, r"[a-z]*(?:", _FARM, r")(?:s|en|in)?\b|\b(?:mijn|onze|my|our",
                   r"|ik heb een|we hebben een|i run a|we run a) (?:[a-z]*boerderij|farm",
                   r"|[a-z]*veehouderij|tuinbouwbedrijf|akkerbouwbedrijf|kwekerij)\b")),
    ("self_employed", _rx(r"\bzzp|\bfreelanc|\beenmanszaak|\bself[- ]employed",
                          r"|\bsole (?:trader|proprietor)|\bzelfstandige? zonder",
                          r"|\bzelfstandig ondernemer|\bik ben zelfstandige?\b|\bik werk alleen\b",
                          r"|\bi work alone\b|\bone[- ](?:man|woman|person) ",
                          r"(?:business|company|band)",
                          r"|\bsolo[- ]?ondernemer|\bib[- ]ondernemer")),
)
COMPANY_WORDS = _rx(r"bedrijf\b|\bcompany\b|\bfirm\b|onderneming\b|\bbusiness\b|\bmkb\b",
                    r"|\bmkb'er|\bsmes?\b|\bshop\b|\bwerkgever|\bemployer|\bscale[- ]?up\b")
STARTUP = _rx(r"\bstart[- ]?ups?\b|\b(?:net|pas) begonnen\b|\bjust started\b",
              r"|\bjonge? (?:onderneming|bedrijf|ondernemer)|\byoung (?:company|business|firm)",
              r"|\bstarters?\b|\bstartende\b|\btechnostarter",
              r"|\bbedrijf (?:op ?)?(?:starten|oprichten|beginnen)",
              r"|\bstart(?:ing)? (?:a|my|our) (?:own )?(?:company|business)\b")
STARTUP_IN_RESIDENCE = _rx(r"\bstart[- ]?up in residence\b")
SPIN_OFF = _rx(r"\bspin[- ]?(?:off|out)s?\b")
KNOWLEDGE_INSTITUTION = _rx(r"universiteit|\buniversit|hogeschool|\btno\b|kennisinstelling",
                            r"|knowledge institution|\btu/e\b|\btue\b|\btu ?delft|\butwente\b",
                            r"|\bwur\b|wageningen (?:university|research|ur)\b|\bumc",
                            r"|research institute|onderzoeksinstitu|onderzoeksinstelling|\bto2\b",
                            r"|\bdeltares\b|\bmarin\b|\bnlr\b|\bacademi|\buva\b|\bvu\b|\bradboud\b",
                            r"|\bfontys\b|\bavans\b|\bsaxion\b|\bhanze")
NO_COLLABORATION = _rx(r"\b(?:werken|werk) (?:niet|nooit) samen|\bgeen (?:partners?|samenwerking)",
                       r"|\bzonder partners?|\bno partners?\b|\bwithout (?:any )?partners?",
                       r"|\bnot (?:working|collaborating) with (?:any|others)",
                       # "on our own", not "on our own models"
                       r"|\bby (?:ourselves|myself)\b|\bon (?:our|my) own\b(?! \w)",
                       r"|\balleen (?:doen|uitvoeren)")

INSTITUTION_NAMES = (  # masked before looking for places: "TU Delft" is not a location
    _rx(r"(?:\btu|universiteit(?: van)?|university(?: of)?|\bumc|hogeschool)\s[a-z/'-]+"),
    _rx(r"(?<![a-z'-])[a-z'-]++\s(?:university|universiteit|umc)\b"),
)
REGIONS: tuple[tuple[Region, re.Pattern[str]], ...] = (
    ("groningen", _rx(r"\bgroningen\b")),
    ("friesland", _rx(r"\b(?:friesland|fryslan|leeuwarden|sneek|heerenveen|drachten)\b")),
    ("drenthe", _rx(r"\b(?:drenthe|assen|emmen|meppel|hoogeveen)\b")),
    ("overijssel", _rx(r"\b(?:overijssel|twente|enschede|zwolle|deventer|hengelo|almelo)\b")),
    ("flevoland", _rx(r"\b(?:flevoland|almere|lelystad|dronten|emmeloord)\b")),
    ("gelderland", _rx(r"\b(?:gelderland|nijmegen|arnhem|wageningen|apeldoorn|doetinchem",
                       r"|veluwe|achterhoek)\b")),
    ("utrecht", _rx(r"\b(?:utrecht|amersfoort|nieuwegein|zeist|veenendaal)\b")),
    ("noord-holland", _rx(r"\b(?:noord[- ]holland|north[- ]holland|amsterdam|haarlem|zaandam",
                          r"|zaanstad|hilversum|alkmaar|den helder|schiphol)\b")),
    ("zuid-holland", _rx(r"\b(?:zuid[- ]holland|south[- ]holland|rotterdam|den haag|the hague",
                         r"|delft|leiden|dordrecht|zoetermeer|gouda|westland)\b|s-gravenhage")),
    ("zeeland", _rx(r"\b(?:zeeland|middelburg|vlissingen|terneuzen)\b")),
    ("noord-brabant", _rx(r"\b(?:noord[- ]brabant|north[- ]brabant|brabant|eindhoven|tilburg",
                          r"|breda|den bosch|helmond|roosendaal|veldhoven)\b|s-hertogenbosch")),
    ("limburg", _rx(r"\b(?:limburg|maastricht|venlo|heerlen|sittard|geleen|roermond|weert)\b")),
)
NATIONWIDE_WORDS = {"nederland", "netherlands", "the netherlands", "nl", "landelijk", "national",
                    "nationwide", "heel nederland"}
