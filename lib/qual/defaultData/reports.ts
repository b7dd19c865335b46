/**
 * The synthetic interview reports: one short written report per network,
 * in Dutch, WRITTEN FOR THIS PROJECT. They are not the study's interviews
 * (which are not public) and copy no sentence of the report: they touch the
 * themes of chapter 3 in a way that is consistent with each network's facts
 * in chapter 2 (facts.md: age, members, lead, boundaries, notes) and with the
 * bands of its portrait (e.g. few changes of persons in Zephyrus, many in
 * Argestes; topic overlap high in Meses, low in Lips and Notos).
 *
 * Each sentence carries the codebook keys (space-separated) that a careful
 * coder would give it: the "true" coding from which the simulated coders of
 * `generateInterviews` start. Ten reports, fifteen coordinators (five networks
 * with two), as in report 5.3.
 */

/** [codebook keys separated by spaces ('' for none), sentence]. */
export type Sentence = readonly [string, string];

export interface ReportSource {
  network: string;
  coordinators: 1 | 2;
  /** Paragraphs of sentences; the title and the synthetic-data notice are added by the generator. */
  paragraphs: ReadonlyArray<ReadonlyArray<Sentence>>;
}

export const REPORTS: readonly ReportSource[] = [
  {
    network: 'Aparctias',
    coordinators: 2,
    paragraphs: [
      [['', 'We spraken met de twee coördinatoren van Aparctias, een netwerk van een hogeschool, een mbo-instelling en ruim twintig schoolbesturen in het primair onderwijs.']],
      [
        ['ontstaan.voorgeschiedenis', 'In deze vorm bestaat Aparctias ongeveer vier jaar, maar de besturen werkten daarvoor al zo’n vijftien jaar samen in een bestuurlijk verband.'],
        ['ontstaan.formalisering', 'Toen de subsidie voor samen opleiden in zicht kwam, is een kwartiermaker van buiten ingehuurd die de aanvraag schreef en de overlegstructuur inrichtte.'],
        ['ontstaan.formalisering balans.formeel', 'Sindsdien staat op papier wie lid is, wie betrokken lid is en wat dat van een bestuur vraagt.'],
      ],
      [
        ['gelaagd.lagen', 'Betrokken leden doen mee aan de activiteiten, maar hebben geen stem in de stuurgroep.'],
        ['gelaagd.lagen gelaagd.doorwerking', 'Daarnaast zijn er vijf regionale uitvoeringsgroepen, waarin schoolopleiders en directeuren de afspraken vertalen naar hun eigen scholen.'],
      ],
      [
        ['vertrouwen.helpt', 'De coördinatoren noemen de sfeer open en vertrouwd.'],
        ['vertrouwen.helpt', 'Mensen kennen elkaar uit het oude bestuurlijke verband, en er wisselt weinig aan tafel.'],
        ['', 'Vertrekt er een bestuurder, dan schuift meestal snel een collega van hetzelfde bestuur aan.'],
      ],
      [
        ['overlap.onderwerpen', 'Aparctias zet bewust meer op de agenda dan stageplaatsen: er wordt gewerkt aan een gedeelde visie op opleiden, die ook op de website staat.'],
        ['overlap.netwerken', 'De leden treffen elkaar ook in het samenwerkingsverband passend onderwijs en aan een regionale arbeidsmarkttafel.'],
        ['overlap.netwerken vertrouwen.helpt', '‘Je hoeft elkaar niet steeds opnieuw te vinden,’ zegt een van hen.'],
      ],
      [
        ['leiden.relatie', 'Beide coördinatoren zien hun rol vooral als verbinden: na een overleg bellen ze besturen even na, en wie twijfelt krijgt de tijd.'],
        ['leiden.relatie', 'Beslissingen forceren ze niet.'],
      ],
      [['besturen.omvang', 'Wel merken ze verschil tussen grote en kleine besturen: een klein bestuur kan lastiger een schoolopleider vrijmaken.']],
    ],
  },
  {
    network: 'Apeliotes',
    coordinators: 1,
    paragraphs: [
      [['', 'Apeliotes is een netwerk van een hogeschool en negen schoolbesturen in een landelijk gebied dat aan één kant door een rivier wordt begrensd; we spraken de coördinator.']],
      [
        ['ontstaan.voorgeschiedenis', 'Het netwerk bestaat vier jaar en groeide uit een opleidingsschool van twee besturen die anderen wilden laten aanhaken.'],
        ['ontstaan.formalisering balans.formeel', 'Met het convenant dat alle partners ondertekenden, werd het netwerk ook formeel een feit.'],
      ],
      [
        ['groei.rem', 'Een bestuur mag met ten hoogste drie scholen tegelijk instromen.'],
        ['groei.rem', 'Volgens de coördinator voorkomt die regel dat nieuwe scholen verdwalen en dat de begeleiding van studenten onder druk komt.'],
      ],
      [
        ['gelaagd.lagen', 'Wie nieuw is, heeft gemiddeld een jaar nodig om te begrijpen hoe de overleggen, werkgroepen en afspraken in elkaar grijpen.'],
        ['gelaagd.lagen', 'Er is een stuurgroep, een regiegroep van schoolopleiders en per bestuur een vaste contactpersoon.'],
      ],
      [
        ['vertrouwen.helpt', 'Het vertrouwen is groot: de besturen delen een sterke binding met de streek en kennen elkaar al lang.'],
        ['vertrouwen.helpt', 'Concurrentie om studenten speelt nauwelijks, omdat er weinig andere opleiders in de buurt zijn.'],
      ],
      [['balans.formeel gelaagd.doorwerking', 'Besluiten worden in de stuurgroep genomen en vastgelegd, en twee keer per jaar wordt besproken hoe de uitvoering verloopt.']],
      [
        ['ontwikkeling.beleid', 'Naar de komst van onderwijsregio’s kijkt de coördinator met gemengde gevoelens.'],
        ['ontwikkeling.beleid', 'Het kan de samenwerking verdiepen, maar als de grenzen anders worden getrokken, moet er opnieuw gebouwd worden.'],
      ],
    ],
  },
  {
    network: 'Argestes',
    coordinators: 1,
    paragraphs: [
      [['', 'Argestes verbindt een hogeschool met acht schoolbesturen; de coördinator die we spraken, werkt er sinds drie jaar.']],
      [['ontstaan.voorgeschiedenis', 'Het netwerk bestaat tien jaar en begon als samenwerking rond de opleidingsschool van twee grote besturen.']],
      [
        ['geld.inleg', 'Wie wil aansluiten, betaalt een jaarlijkse bijdrage per school.'],
        ['geld.inleg besturen.omvang', 'Daardoor doen vooral grote besturen mee; voor een klein bestuur weegt het bedrag zwaar.'],
        ['besturen.omvang', 'Het grootste bestuur levert ook de meeste stageplaatsen en voelt zich daardoor sterk verbonden.'],
      ],
      [
        ['vertrouwen.hindert', 'Aan tafel zitten vaak andere mensen: in drie jaar zijn bijna alle bestuurders gewisseld.'],
        ['vertrouwen.hindert', 'Ook speelt concurrentie, omdat de besturen in dezelfde wijken leraren werven.'],
      ],
      [
        ['gelaagd.doorwerking', 'Een besluit over gezamenlijke begeleiding van startende leraren bleek in de praktijk weinig op te leveren.'],
        ['gelaagd.doorwerking vertrouwen.hindert', 'Niemand wist precies wat er van de scholen werd verwacht, en bij de uitvoering kwam de onderlinge concurrentie weer boven.'],
      ],
      [
        ['leiden.extern', 'Na die ervaring heeft het netwerk een externe procesbegeleider gevraagd om met de bestuurders het gesprek over de samenwerking te voeren.'],
        ['leiden.relatie', '‘Ik kan niets afdwingen, ik kan alleen mensen bij elkaar brengen,’ zegt de coördinator.'],
      ],
      [
        ['overlap.netwerken', 'Argestes overlapt met relatief weinig andere netwerken; de besturen zien elkaar vooral hier.'],
        ['overlap.onderwerpen', 'De agenda blijft beperkt tot opleidingsplaatsen en de begeleiding van studenten.'],
      ],
    ],
  },
  {
    network: 'Caecias',
    coordinators: 2,
    paragraphs: [
      [['', 'Bij Caecias spraken we twee coördinatoren, één vanuit de hogeschool en één vanuit een schoolbestuur; het netwerk telt achttien besturen.']],
      [
        ['ontstaan.formalisering', 'Caecias is elf jaar geleden gestart, toen een subsidieregeling besturen en hogeschool over de streep trok om samen een opleidingsschool te vormen.'],
        ['ontstaan.formalisering', '‘Zonder dat geld was het er toen niet van gekomen,’ zegt een van de coördinatoren.'],
      ],
      [
        ['balans.formeel gelaagd.doorwerking', 'De gedeelde visie is op papier uitgewerkt, maar leeft volgens de coördinatoren nog niet op alle scholen.'],
        ['balans.formeel', 'Een website is er niet; de afspraken staan in een jaarplan.'],
      ],
      [
        ['gelaagd.doorwerking', 'De coördinatoren vragen zich af of bestuurders wat in de stuurgroep wordt besloten ook binnen hun eigen organisatie uitdragen.'],
        ['gelaagd.doorwerking gelaagd.lagen', 'Schoolleiders horen soms pas maanden later van een besluit.'],
      ],
      [
        ['overlap.netwerken', 'De leden komen elkaar in veel andere verbanden tegen: in het samenwerkingsverband, bij de gemeente en in een regionaal platform voor personeelsbeleid.'],
        ['overlap.netwerken', 'Dat maakt het makkelijk om even te schakelen, maar er ligt ook veel dubbel op tafel.'],
      ],
      [
        ['vertrouwen.helpt', 'Het vertrouwen is redelijk; de besturen liggen dicht bij elkaar en kennen elkaars scholen.'],
        ['vertrouwen.hindert', 'Wel zijn er de laatste jaren nogal wat nieuwe bestuurders gekomen.'],
      ],
      [['geld.verdeling besturen.omvang', 'Over de verdeling van de middelen wordt elk jaar overlegd; besturen met veel studenten krijgen meer, en dat wordt geaccepteerd.']],
    ],
  },
  {
    network: 'Erus',
    coordinators: 2,
    paragraphs: [
      [['', 'Erus is een netwerk van een hogeschool en twintig besturen die elkaar vinden in een gedeelde levensbeschouwelijke identiteit; we spraken twee coördinatoren.']],
      [
        ['ontstaan.voorgeschiedenis', 'De samenwerking gaat terug op een opleidingsschool die al ruim voor de huidige regeling bestond.'],
        ['ontstaan.voorgeschiedenis', 'In de huidige vorm bestaat het netwerk negen jaar.'],
      ],
      [
        ['vertrouwen.helpt', 'Volgens de coördinatoren draait alles om vertrouwen, en dat groeit hier makkelijker omdat de besturen dezelfde achtergrond delen.'],
        ['vertrouwen.helpt', 'Bestuurders kennen elkaar ook van eerdere gezamenlijke projecten.'],
      ],
      [
        ['besturen.eenpitters', 'Besturen met één school kunnen niet zelfstandig aansluiten.'],
        ['besturen.eenpitters gelaagd.lagen', 'Een aantal van hen heeft zich gebundeld en deelt een schoolopleider, zodat ze samen genoeg plaatsen bieden.'],
      ],
      [
        ['groei.rem', 'Het netwerk heeft besloten voorlopig niet verder te groeien.'],
        ['groei.rem ontwikkeling.tijd', '‘We willen eerst goed doen wat we nu doen,’ zegt een coördinator.'],
      ],
      [
        ['balans.formeel', 'Er zijn heldere samenwerkingsafspraken vastgelegd, en bij onverwachte kwesties grijpt men daarop terug.'],
        ['balans.informeel', 'Tegelijk wordt veel in de wandelgangen opgelost.'],
      ],
      [['overlap.onderwerpen', 'Naast het opleiden wordt samengewerkt aan de professionalisering van zittende leraren en aan een gezamenlijke leerlijn over identiteit.']],
    ],
  },
  {
    network: 'Lips',
    coordinators: 2,
    paragraphs: [
      [['', 'Lips is met zesendertig besturen het grootste netwerk in het onderzoek; naast de hogeschool doet een universiteit mee. We spraken twee coördinatoren.']],
      [
        ['groei.uitbreiding', 'In korte tijd is het aantal besturen verdrievoudigd.'],
        ['groei.uitbreiding', 'Nieuwe besturen hebben andere vragen dan besturen die er al lang bij zijn: de eersten willen weten hoe het werkt, de anderen willen verdiepen.'],
        ['groei.uitbreiding gelaagd.lagen', 'Het netwerk werkt daarom tijdelijk met twee sporen.'],
      ],
      [
        ['groei.rem', 'Inmiddels is er opnieuw een wachtlijst.'],
        ['groei.uitbreiding', 'De coördinatoren merken dat besturen vooral aansluiten om überhaupt nog studenten te krijgen.'],
      ],
      [
        ['besturen.omvang', 'Iedereen doet op gelijke voet mee, maar de vraag is of dat redelijk is.'],
        ['besturen.omvang', 'Een groot bestuur kan makkelijker iemand vrijroosteren voor een werkgroep dan een bestuur met drie scholen.'],
      ],
      [
        ['overlap.onderwerpen', 'De agenda gaat vooral over het verdelen van studenten en stageplaatsen.'],
        ['overlap.onderwerpen', 'Bredere thema’s, zoals de professionalisering van zittende leraren, komen nauwelijks aan bod.'],
      ],
      [
        ['vertrouwen.hindert groei.uitbreiding', 'Door de groei kennen mensen elkaar minder goed, en er zijn veel wisselingen.'],
        ['vertrouwen.helpt', 'Daar staat tegenover dat de oude kern een hechte groep vormt.'],
      ],
      [['leiden.relatie', 'De coördinatoren proberen iedereen erbij te houden door nieuwe bestuurders persoonlijk op te zoeken.']],
    ],
  },
  {
    network: 'Meses',
    coordinators: 1,
    paragraphs: [
      [['', 'Meses is het oudste netwerk in het onderzoek: de samenwerking bestaat tweeëntwintig jaar. De besturen zijn zelf penvoerder; ook een hogeschool en een mbo-instelling doen mee.']],
      [['ontstaan.voorgeschiedenis', 'Het begon met een paar schoolleiders die samen studenten wilden begeleiden.']],
      [
        ['ontwikkeling.beleid', 'Toen de regio-indeling voor de subsidie van bovenaf werd veranderd, moesten er partners bij en vielen er andere af.'],
        ['ontwikkeling.beleid vertrouwen.hindert', 'De coördinator vond dat lastig voor een netwerk dat al jaren stabiel was.'],
      ],
      [
        ['geld.inleg', 'Nieuwe leden betalen een kleine bijdrage om aan te sluiten.'],
        ['geld.inleg', 'Het bedrag is niet hoog, maar het laat zien dat je je verbindt.'],
      ],
      [
        ['overlap.onderwerpen', 'Meses werkt inmiddels aan veel meer dan opleiden: ook aan zij-instroom, onderwijsassistenten, gezamenlijke scholing en onderzoek.'],
        ['overlap.onderwerpen', '‘Het ene onderwerp haalt het andere binnen,’ zegt de coördinator.'],
      ],
      [
        ['balans.informeel', 'Veel gaat via de relatie; er wordt weinig formeel vastgelegd en toch weet iedereen wat er is afgesproken.'],
        ['balans.informeel', 'Besluiten ontstaan vaak gaandeweg in het gesprek.'],
      ],
      [['vertrouwen.helpt', 'Het vertrouwen is groot, en mensen kennen elkaar goed.']],
    ],
  },
  {
    network: 'Notos',
    coordinators: 2,
    paragraphs: [
      [['', 'Notos bestaat zeventien jaar en wordt getrokken door een van de schoolbesturen; naast de hogeschool is een universiteit partner. We spraken twee coördinatoren.']],
      [
        ['ontwikkeling.tijd', 'Over een nieuwe werkwijze voor de begeleiding van studenten is anderhalf jaar gesproken.'],
        ['ontwikkeling.tijd', 'Daarbij is bewust gekozen voor kleine stappen, zodat de scholen de veranderingen kunnen bijbenen.'],
      ],
      [['vertrouwen.hindert', 'Een paar besturen zijn de afgelopen jaren vertrokken; zij vonden het netwerk te academisch.']],
      [['overlap.onderwerpen', 'De samenwerking richt zich vooral op de praktijkplaatsen en de kwaliteit van de begeleiding; andere thema’s worden elders opgepakt.']],
      [
        ['overlap.netwerken', 'De besturen ontmoeten elkaar in veel andere netwerken, en de coördinatoren zien sommige onderwerpen op meerdere tafels terugkomen.'],
        ['overlap.netwerken', 'Ze proberen de agenda’s af te stemmen met het regionale arbeidsmarktplatform.'],
      ],
      [['vertrouwen.helpt', 'Het onderlinge vertrouwen noemen de coördinatoren goed; het is opgebouwd in jaren waarin dezelfde mensen aan tafel zaten.']],
      [['gelaagd.doorwerking', 'Wel is het lastig dat besluiten van de stuurgroep niet altijd tot op de werkvloer doordringen.']],
    ],
  },
  {
    network: 'Thrascias',
    coordinators: 1,
    paragraphs: [
      [['', 'Thrascias is tien jaar geleden ontstaan uit twee opleidingspartnerschappen aan weerszijden van een rivier; de coördinator werkt vanuit de hogeschool.']],
      [
        ['ontstaan.voorgeschiedenis', 'De fusie gaf het netwerk twee startpunten en twee manieren van werken.'],
        ['ontstaan.formalisering balans.formeel', 'Met het convenant werden rollen en taken voor het eerst voor iedereen op dezelfde manier vastgelegd.'],
      ],
      [['vertrouwen.hindert', 'De afgelopen jaren zijn er veel bestuurders gewisseld, en elke nieuwe bestuurder brengt een andere dynamiek mee.']],
      [
        ['groei.uitbreiding', 'Onlangs zijn er nieuwe besturen bijgekomen, die moesten instappen terwijl het netwerk al volop in beweging was.'],
        ['groei.uitbreiding ontwikkeling.tijd', 'Op sommige punten is het netwerk daardoor even een stap teruggegaan.'],
      ],
      [
        ['geld.verdeling', 'Bij de uitbreiding wilden de bestaande partners eerst de oude verdeling van de middelen houden, waardoor nieuwe leden naar verhouding meer betaalden.'],
        ['geld.verdeling', 'Later is dat aangepast om de verhoudingen weer in balans te brengen.'],
      ],
      [
        ['overlap.netwerken', 'Dezelfde onderwerpen staan ook op andere regionale agenda’s, en de coördinator probeert daar zo veel mogelijk bij aan te sluiten.'],
        ['overlap.onderwerpen', 'Naast het opleiden werkt het netwerk ook aan de inductie van startende leraren.'],
      ],
      [['leiden.relatie', 'De coördinator zoekt bestuurders vooral één op één op om draagvlak te bouwen; een mandaat om iets op te leggen heeft zij niet.']],
    ],
  },
  {
    network: 'Zephyrus',
    coordinators: 1,
    paragraphs: [
      [['', 'Zephyrus bestaat vier jaar en telt nu acht besturen; eerder waren het er meer. We spraken de coördinator.']],
      [
        ['gelaagd.lagen', 'Naast de stuurgroep is een uitvoeringsgroep van directeuren opgericht, maar die komt nog niet goed op gang.'],
        ['gelaagd.lagen gelaagd.doorwerking', 'Directeuren hebben weinig tijd en zien niet altijd wat de groep hen oplevert.'],
      ],
      [
        ['balans.formeel balans.informeel', 'Er zijn afspraken op papier, maar het netwerk wil niet verzanden in protocollen.'],
        ['balans.informeel ontwikkeling.tijd', 'De ontwikkeling staat voorop; waar regels te knellend werden, heeft het netwerk bewust afgeremd.'],
      ],
      [['groei.rem', 'Over uitbreiding wordt voorzichtig gesproken: bestuurders vrezen dat hetzelfde aantal studenten dan over meer scholen moet worden verdeeld.']],
      [
        ['vertrouwen.helpt', 'Er zijn bijna geen wisselingen geweest, en de bestuurders kennen elkaar goed.'],
        ['vertrouwen.helpt', 'Daardoor kunnen ook lastige onderwerpen op tafel komen.'],
      ],
      [['besturen.eenpitters', 'Een éénpitter die wilde aansluiten, doet nu mee onder de vleugels van een groter bestuur.']],
      [['overlap.netwerken', 'Zephyrus overlapt met weinig andere netwerken, wat de coördinator als een voordeel ziet: de besturen hebben hier hun eigen plek.']],
    ],
  },
];
