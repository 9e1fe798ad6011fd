/// Words that name dates in the customers' 14 languages, folded and accent-free (see ``TextFolding``). One table:
/// a new language adds its words and phrases here.
enum DateVocabulary {
    /// Month names, abbreviations and genitive forms -> month number. Ambiguous forms per language are in
    /// ``monthOverrides``.
    static let months: [String: Int] = {
        let lists: [[String]] = [
            // 1 ... 12, every language's forms for that month.
            ["january", "jan", "janvier", "janv", "januar", "janner", "enero", "gennaio", "januari", "janeiro", "jan.",
             "styczen", "stycznia", "ianuarie", "ocak", "sijecanj", "sijecnja", "ene", "gen"],
            ["february", "feb", "fevrier", "fevr", "fev", "februar", "febrero", "febbraio", "februari", "fevereiro",
             "luty", "lutego", "februarie", "subat", "veljaca", "veljace", "fevereiro"],
            ["march", "mars", "marz", "marzo", "maart", "marco", "marzec", "marca", "martie", "mart", "ozujak", "ozujka"],
            ["april", "apr", "avril", "avr", "abril", "aprile", "kwiecien", "kwietnia", "aprilie", "nisan", "travanj",
             "travnja", "abr"],
            ["may", "mai", "mayo", "maggio", "mei", "maio", "maj", "maja", "mayis", "svibanj", "svibnja"],
            ["june", "jun", "juin", "juni", "junio", "giugno", "junho", "czerwiec", "czerwca", "iunie", "haziran",
             "lipanj", "lipnja"],
            ["july", "jul", "juillet", "juil", "juli", "julio", "luglio", "julho", "lipiec", "lipca", "iulie", "temmuz",
             "srpanj", "srpnja"],
            ["august", "aug", "aout", "agosto", "augustus", "sierpien", "sierpnia", "augusti", "agustos", "kolovoz",
             "kolovoza", "ago"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro", "wrzesien",
             "wrzesnia", "septembrie", "eylul", "rujan", "rujna", "set"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "outubro", "pazdziernik",
             "pazdziernika", "octombrie", "ekim", "listopad", "listopada", "ott", "out"],
            ["november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "noiembrie", "kasim",
             "studeni", "studenog", "studenoga"],
            ["december", "dec", "decembre", "dezember", "dez", "diciembre", "dicembre", "dezembro", "grudzien",
             "grudnia", "decembrie", "aralik", "prosinac", "prosinca", "dic"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in lists.enumerated() {
            for name in names where table[name] == nil { table[name] = index + 1 }
        }
        return table
    }()

    /// Month words whose meaning depends on the language: Croatian `listopad` is October, Polish November.
    static let monthOverrides: [String: [String: Int]] = [
        "pl": ["listopad": 11, "listopada": 11],
        "hr": ["listopad": 10, "listopada": 10],
        "pt": ["out": 10, "set": 9],
    ]

    /// Words that are month abbreviations only in some languages and ordinary words elsewhere.
    static let riskyMonthWords: Set<String> = ["mar", "may", "jan", "set", "out", "ago", "gen", "ene", "dic", "ott",
                                               "dec", "sep", "abr", "jun", "jul", "aug", "nov", "oct", "apr", "feb"]

    /// Weekday names -> ISO weekday (1 = Monday).
    static let weekdays: [String: Int] = {
        let lists: [[String]] = [
            ["monday", "lundi", "montag", "lunes", "lunedi", "maandag", "segunda", "poniedzialek", "poniedzialku",
             "luni", "lunea", "mandag", "pazartesi", "ponedjeljak", "ponedjeljka", "ponedjeljku"],
            ["tuesday", "tue", "tues", "mardi", "dienstag", "martes", "martedi", "dinsdag", "terca", "wtorek", "wtorku",
             "marti", "martea", "tisdag", "sali", "utorak", "utorka", "utorku"],
            ["wednesday", "wed", "mercredi", "mittwoch", "miercoles", "mercoledi", "woensdag", "quarta", "sroda",
             "srody", "srode", "miercuri", "miercurea", "onsdag", "carsamba", "srijeda", "srijede", "srijedu"],
            ["thursday", "thu", "thur", "thurs", "jeudi", "donnerstag", "jueves", "giovedi", "donderdag", "quinta",
             "czwartek", "czwartku", "joi", "joia", "torsdag", "persembe", "cetvrtak", "cetvrtka", "cetvrtku"],
            ["friday", "fri", "vendredi", "freitag", "viernes", "venerdi", "vrijdag", "sexta", "piatek", "piatku",
             "vineri", "vinerea", "fredag", "cuma", "petak", "petka", "petku"],
            ["saturday", "samedi", "samstag", "sonnabend", "sabado", "sabato", "zaterdag", "sobota", "soboty",
             "sambata", "lordag", "cumartesi", "subota", "subote", "subotu"],
            ["sunday", "dimanche", "sonntag", "domingo", "domenica", "zondag", "niedziela", "niedzieli", "duminica",
             "sondag", "pazar", "nedjelja", "nedjelje", "nedjelju"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in lists.enumerated() { for name in names { table[name] = index + 1 } }
        return table
    }()

    /// Number words 1-31 that replies use for days and counts ("le quinze", "tra dieci giorni", "el primero").
    static let numbers: [String: Int] = {
        let lists: [Int: [String]] = [
            1: ["one", "first", "un", "une", "premier", "ein", "eine", "einer", "ersten", "erste", "uno", "una", "primero",
                "primer", "primo", "een", "eerste", "um", "uma", "primeiro", "jeden", "pierwszego", "intai",
                "ett", "forsta", "bir", "jedan", "prvog", "prvi"],
            2: ["two", "deux", "zwei", "dos", "due", "twee", "dois", "duas", "dwa", "dwoch", "doi", "doua", "tva", "iki",
                "dva", "dvije", "second", "deuxieme"],
            3: ["three", "trois", "drei", "tres", "tre", "drie", "tres", "trzy", "trei", "tre", "uc", "tri", "third"],
            4: ["four", "quatre", "vier", "cuatro", "quattro", "vier", "quatro", "cztery", "patru", "fyra", "dort", "cetiri"],
            5: ["five", "cinq", "funf", "cinco", "cinque", "vijf", "piec", "cinci", "fem", "bes", "pet"],
            6: ["six", "sechs", "seis", "sei", "zes", "szesc", "sase", "sex", "alti", "sest"],
            7: ["seven", "sept", "sieben", "siete", "sette", "zeven", "sete", "siedem", "sapte", "sju", "yedi", "sedam"],
            8: ["eight", "huit", "acht", "ocho", "otto", "oito", "osiem", "opt", "atta", "sekiz", "osam"],
            9: ["nine", "neuf", "neun", "nueve", "nove", "negen", "dziewiec", "noua", "nio", "dokuz", "devet"],
            10: ["ten", "dix", "zehn", "diez", "dieci", "tien", "dez", "dziesiec", "zece", "tio", "deset"],
            14: ["fourteen", "quatorze", "vierzehn", "catorce", "quattordici", "veertien", "catorze", "czternascie",
                 "paisprezece", "fjorton", "ondort", "cetrnaest"],
            15: ["fifteen", "quinze", "funfzehn", "quince", "quindici", "vijftien", "pietnascie", "pietnastego",
                 "cincisprezece", "femton", "onbes", "petnaest", "fifteenth", "quinzieme"],
            20: ["twenty", "vingt", "zwanzig", "veinte", "venti", "twintig", "vinte", "dwadziescia", "douazeci", "tjugo",
                 "yirmi", "dvadeset"],
            30: ["thirty", "trente", "dreissig", "dreibig", "treinta", "trenta", "dertig", "trinta", "trzydziesci",
                 "treizeci", "trettio", "otuz", "trideset"],
        ]
        var table: [String: Int] = [:]
        for (n, words) in lists { for w in words where table[w] == nil { table[w] = n } }
        return table
    }()

    /// "next" before or after a weekday, week or month.
    static let next: Set<String> = ["next", "prochain", "prochaine", "nachsten", "nachste", "nachster",
                                    "proximo", "proxima", "prossimo", "prossima", "volgende",
                                    "przyszly", "przyszlym", "przyszlej", "przyszlego", "przyszla", "przyszle",
                                    "nastepny", "nastepnym", "nastepnego", "nastepna", "nastepnej", "nastepne", "viitoare", "viitor", "viitoarea",
                                    "urmatoare", "urmatorul", "urmatoarea", "nasta", "gelecek", "onumuzdeki",
                                    "sljedeci", "sljedeceg", "sljedecem", "iduci", "iduceg", "iducem", "viitoare"]

    /// Phrases, as space-separated slots: a literal (alternatives with `|`, optional with a leading `?`), or
    /// Optional slots for "at the latest" between a week and its weekday: "au plus tard", "a más tardar",
    /// "al più tardi", "o mais tardar", "cel târziu", "en geç", and the one-word forms.
    static let latest = "?au|a|al|o|cel|en ?plus|mas|piu|mais ?spatestens|spaetestens|uiterlijk|najpozniej|senast|najkasnije|tard|tardar|tardi|tarziu|gec"

    /// `<month>`, `<weekday>`, `<day>` (1-31, ordinal forms included), `<n>` (any small number), `<year>`,
    /// `<next>`. Each has a meaning resolved by ``DateExtractor``.
    static let phrases: [(String, DatePhraseMeaning)] = [
        // Today, tomorrow, the day after.
        ("today|aujourd|aujourdhui|heute|hoy|oggi|vandaag|hoje|dzisiaj|dzis|astazi|azi|idag|bugun|danas", .relativeDays(0)),
        ("tomorrow|demain|morgen|manana|domani|amanha|jutro|maine|imorgon|yarin|sutra|morgenochtend|morgenmiddag|morgenvroeg", .relativeDays(1)),
        ("day after tomorrow", .relativeDays(2)), ("apres demain", .relativeDays(2)),
        ("ubermorgen", .relativeDays(2)), ("pasado manana", .relativeDays(2)), ("dopodomani", .relativeDays(2)),
        ("overmorgen", .relativeDays(2)), ("depois de amanha", .relativeDays(2)), ("pojutrze", .relativeDays(2)),
        ("poimaine", .relativeDays(2)), ("i overmorgon", .relativeDays(2)), ("obur gun", .relativeDays(2)),
        ("prekosutra", .relativeDays(2)),
        // End of the month.
        ("?by|at|before|until ?the end of ?the|this month", .endOfMonth(0)), ("month end", .endOfMonth(0)), ("monthend", .endOfMonth(0)),
        ("?by|at ?the end of next month", .endOfMonth(1)), ("end of the next month", .endOfMonth(1)),
        ("fin du|de ?ce mois", .endOfMonth(0)), ("fin du mois prochain", .endOfMonth(1)), ("fin de mois prochain", .endOfMonth(1)),
        ("ende des|dieses monats", .endOfMonth(0)), ("monatsende", .endOfMonth(0)), ("ende des nachsten monats", .endOfMonth(1)),
        ("ende nachsten monats", .endOfMonth(1)),
        ("final|fin|finales|finales de|del ?este mes", .endOfMonth(0)), ("final|fin|finales de|del mes que viene", .endOfMonth(1)),
        ("final|fin|finales de|del proximo mes", .endOfMonth(1)),
        ("fine ?del mese", .endOfMonth(0)), ("fine mese", .endOfMonth(0)), ("fine del mese prossimo", .endOfMonth(1)),
        ("fine del prossimo mese", .endOfMonth(1)),
        ("eind|einde van de|deze maand", .endOfMonth(0)), ("eind|einde deze maand", .endOfMonth(0)),
        ("eind|einde volgende maand", .endOfMonth(1)), ("eind|einde van volgende maand", .endOfMonth(1)),
        ("final|fim do|deste mes", .endOfMonth(0)), ("final|fim do proximo mes", .endOfMonth(1)),
        ("koniec|konca|koncem miesiaca", .endOfMonth(0)), ("koniec|konca|koncem przyszlego miesiaca", .endOfMonth(1)),
        ("sfarsitul|finalul|sfarsit|final ?de lunii|luna|luna", .endOfMonth(0)), ("sfarsitul|finalul lunii viitoare", .endOfMonth(1)),
        ("slutet av ?manaden", .endOfMonth(0)), ("manadsskiftet|manadsslut", .endOfMonth(0)), ("slutet av nasta manad", .endOfMonth(1)),
        ("ay sonu|sonunda|sonuna", .endOfMonth(0)), ("ay sonuna kadar", .endOfMonth(0)), ("gelecek ay sonu|sonunda", .endOfMonth(1)),
        ("kraj|kraja|krajem ?ovog mjeseca", .endOfMonth(0)), ("kraj|kraja|krajem sljedeceg|iduceg mjeseca", .endOfMonth(1)),
        // The last working day of this or next month.
        ("?the last working|business day ?of ?the|this ?month", .lastBusinessDay(0)),
        ("dernier jour ouvre|ouvrable ?du ?mois", .lastBusinessDay(0)),
        ("letzten|letzter|letzte werktag|arbeitstag|bankarbeitstag ?des|im ?monat|monats", .lastBusinessDay(0)),
        ("?el ultimo dia habil|laborable ?del|de ?mes", .lastBusinessDay(0)),
        ("?l' ultimo giorno lavorativo ?del ?mese", .lastBusinessDay(0)),
        ("?de laatste werkdag ?van ?de ?maand", .lastBusinessDay(0)), ("?o ultimo dia util ?do ?mes", .lastBusinessDay(0)),
        ("ostatni|ostatniego dzien|dnia roboczy|roboczego ?miesiaca", .lastBusinessDay(0)),
        ("ultima zi lucratoare ?a ?lunii", .lastBusinessDay(0)), ("sista arbetsdagen|bankdagen ?i ?manaden", .lastBusinessDay(0)),
        ("ayin son is gunu", .lastBusinessDay(0)), ("zadnji radni dan ?u ?mjesecu", .lastBusinessDay(0)),
        // End of a named month ("fin novembre", "Ende Dezember", "end of December").
        ("?by|at ?the end of <month>", .endOfNamedMonth), ("fin ?de|d' <month>", .endOfNamedMonth), ("ende <month>", .endOfNamedMonth),
        ("final|fin|finales de <month>", .endOfNamedMonth), ("fine ?di <month>", .endOfNamedMonth),
        ("eind|einde <month>", .endOfNamedMonth), ("final|fim de <month>", .endOfNamedMonth),
        ("koniec|konca|koncem <month>", .endOfNamedMonth), ("sfarsitul|finalul lunii|de <month>", .endOfNamedMonth),
        ("slutet av <month>", .endOfNamedMonth), ("<month> sonu|sonunda", .endOfNamedMonth),
        ("kraj|kraja|krajem <month>", .endOfNamedMonth),
        // Middle of a named month.
        ("mid <month>", .midNamedMonth), ("mid month", .midMonth), ("midmonth", .midMonth), ("mid of ?the|this month", .midMonth),
        ("mi mois", .midMonth), ("mitte des|dieses monats", .midMonth), ("a|en mediados de|del mes", .midMonth), ("mediados de mes", .midMonth),
        ("meta ?del|di mese", .midMonth), ("half|midden van de maand", .midMonth), ("meio|meados do mes", .midMonth), ("polowa|polowie miesiaca", .midMonth),
        ("jumatatea lunii", .midMonth), ("mitten av manaden", .midMonth), ("ay ortasi|ortasinda", .midMonth), ("sredinom mjeseca", .midMonth),
        ("jumatatea lunii <month>", .midNamedMonth), ("la jumatatea lui <month>", .midNamedMonth), ("?in the middle of <month>", .midNamedMonth),
        ("mi <month>", .midNamedMonth), ("mitte <month>", .midNamedMonth), ("mediados de <month>", .midNamedMonth),
        ("meta ?di <month>", .midNamedMonth), ("half <month>", .midNamedMonth), ("meados de <month>", .midNamedMonth),
        ("polowa|polowie <month>", .midNamedMonth), ("mijlocul lui <month>", .midNamedMonth),
        ("mitten av <month>", .midNamedMonth), ("<month> ortasi|ortasinda", .midNamedMonth),
        ("sredinom <month>", .midNamedMonth),
        // End of this or next week.
        ("?by|at ?the end of ?the|this week", .endOfWeek(0)), ("?by|at ?the end of next week", .endOfWeek(1)),
        ("fin de ?la|cette semaine", .endOfWeek(0)), ("fin de la semaine prochaine", .endOfWeek(1)),
        ("ende der|dieser woche", .endOfWeek(0)), ("ende nachster woche", .endOfWeek(1)), ("ende der nachsten woche", .endOfWeek(1)),
        ("final|finales de ?la|esta semana", .endOfWeek(0)), ("final|finales de la proxima semana", .endOfWeek(1)),
        ("final|finales de la semana que viene", .endOfWeek(1)),
        ("fine ?della settimana", .endOfWeek(0)), ("fine della settimana prossima", .endOfWeek(1)),
        ("fine della prossima settimana", .endOfWeek(1)), ("fine settimana prossima", .endOfWeek(1)),
        ("eind|einde van de|deze week", .endOfWeek(0)), ("eind|einde volgende week", .endOfWeek(1)),
        ("final|fim da|desta semana", .endOfWeek(0)), ("final|fim da proxima semana", .endOfWeek(1)),
        ("final|fim da semana que vem", .endOfWeek(1)),
        ("koniec|konca|koncem tygodnia", .endOfWeek(0)), ("koniec|konca|koncem przyszlego tygodnia", .endOfWeek(1)),
        ("sfarsitul|finalul saptamanii", .endOfWeek(0)), ("sfarsitul|finalul saptamanii viitoare", .endOfWeek(1)),
        ("slutet av veckan", .endOfWeek(0)), ("slutet av nasta vecka", .endOfWeek(1)),
        ("hafta sonuna kadar", .endOfWeek(0)), ("haftanin sonunda|sonuna", .endOfWeek(0)),
        ("gelecek haftanin sonunda|sonuna", .endOfWeek(1)),
        ("kraj|kraja|krajem tjedna", .endOfWeek(0)), ("kraj|kraja|krajem sljedeceg|iduceg tjedna", .endOfWeek(1)),
        // The word "fifteen days" is a fortnight after the prepositions of "in N days" too ("d'ici quinze jours", listed
        // before them: the first of equally long phrases wins); written in digits ("dans 15 jours") it stays 15 days.
        ("dans|sous quinze jours", .fixedDays(14)), ("d' ici quinze jours", .fixedDays(14)),
        ("en|dentro ?de quince dias", .fixedDays(14)), ("tra|fra|entro quindici giorni", .fixedDays(14)),
        ("em|dentro ?de quinze dias", .fixedDays(14)),
        // In N days or weeks.
        ("in|within|after <n> days|day|working", .inDays(1)), ("in|within|after <n> weeks|week", .inDays(7)),
        ("dans|sous <n> jours", .inDays(1)), ("dans|sous <n> semaines|semaine", .inDays(7)), ("d' ici <n> jours", .inDays(1)),
        ("d' ici <n> semaines|semaine", .inDays(7)),
        ("in|binnen <n> tagen", .inDays(1)), ("in|binnen <n> wochen|woche", .inDays(7)),
        ("en|dentro ?de <n> dias", .inDays(1)), ("en|dentro ?de <n> semanas|semana", .inDays(7)),
        ("tra|fra|entro <n> giorni", .inDays(1)), ("tra|fra|entro <n> settimane|settimana", .inDays(7)),
        ("over|binnen <n> dagen", .inDays(1)), ("over|binnen <n> weken|week", .inDays(7)),
        ("em|dentro ?de <n> dias", .inDays(1)), ("em|dentro ?de <n> semanas|semana", .inDays(7)),
        ("za <n> dni", .inDays(1)), ("w ciagu <n> dni", .inDays(1)), ("za <n> tygodnie|tygodni|tydzien", .inDays(7)),
        ("w ciagu <n> tygodni|tygodnia", .inDays(7)),
        ("in|peste <n> zile", .inDays(1)), ("in cel mult|maxim <n> zile", .inDays(1)), ("within max|maximum <n> days", .inDays(1)), ("in|peste <n> saptamani|saptamana", .inDays(7)),
        ("om|inom <n> dagar", .inDays(1)), ("om|inom <n> veckor", .inDays(7)),
        ("<n> gun icinde|sonra", .inDays(1)), ("<n> hafta icinde|sonra", .inDays(7)),
        ("za <n> dana", .inDays(1)), ("za <n> tjedna|tjedana", .inDays(7)),
        ("in a fortnight", .fixedDays(14)), ("quinze jours", .fixedDays(14)), ("quindici giorni", .fixedDays(14)),
        ("quince dias", .fixedDays(14)), ("quinze dias", .fixedDays(14)),
        
        // ISO week numbers.
        ("kw|cw|wk|week|woche|semaine|semana|settimana|tydzien|tygodniu|saptamana|vecka|v|hafta|tjedan <w>", .isoWeek),
        ("?in|w|u|na <w> week|woche|semaine|semana|settimana|tydzien|tygodniu|saptamana|saptamanii|vecka|veckan|hafta|haftaya|haftasinda|haftada|tjedan|tjednu", .isoWeek),
        // Weekdays, with or without "next".
        ("<next> <weekday>", .weekday(next: true)), ("<weekday> <next>", .weekday(next: true)),
        ("coming|kommenden|kommende|aanstaande|komende|upcoming <weekday>", .weekday(next: false)),
        ("<weekday> qui vient|que viene", .weekday(next: false)), ("<day> feira", .portugueseWeekday),
        ("<next> week <weekday>", .weekday(next: true)), ("<weekday> next week", .weekday(next: true)),
        // "next week, on Tuesday", "la semaine prochaine, le mardi", "la semana que viene, el martes".
        // "nächste Woche, spätestens Freitag", "next week, Friday at the latest": an "at the latest" between them.
        ("<next> week|semaine|woche|semana|settimana|tydzien|tygodniu|saptamana|vecka|hafta|tjedan|tjedna|tjednu \(latest) ?on|le|am|el|il|op|na|w|pe|pa|u|o <weekday>", .weekday(next: true)),
        ("week|semaine|woche|semana|settimana|tydzien|tygodniu|saptamana|saptamanii|vecka|hafta|tjedan|tjedna|tjednu <next> \(latest) ?on|le|am|el|il|op|na|w|pe|pa|u|o <weekday>", .weekday(next: true)),
        ("semana que viene|vem ?el|na|no <weekday>", .weekday(next: true)),
        ("?this|ce|cette|diesen|dieser|este|esta|questo|questa|deze|ten|aceasta|denna|bu|ovaj|ovog|ovu <weekday>", .weekday(next: false)),
        // Day and month.
        ("<day> ?#day ?de|of|the <month> ?de|of <year>", .dayMonth), ("<month> <day> ?<year>", .monthDay),
        ("?the <day> ?#day ?of|de <month>", .dayMonth),
        // A day with a case ending, alone ("przelew 15-go", "25'inde gönderiyorum").
        ("<day> #day", .dayOnly),
        // A day of the month alone after a preposition ("on the 15th", "le 15", "am 15.").
        ("on the <day>", .dayOnly), ("le|du <day>", .dayOnly), ("by|until|before|avant|vor|antes|prima|voor|tot|przed|pana|innan|till|kadar ?the|le|dem|den|del|dia <day>", .dayOnly), ("am|bis zum|zum <day>", .dayOnly), ("el|dia|dias|los ?dia|dias <day>", .dayOnly),
        ("il <day>", .dayOnly), ("op de <day>", .dayOnly), ("no dia|ate dia <day>", .dayOnly), ("dnia <day>", .dayOnly),
        ("pe <day>", .dayOnly), ("den <day>", .dayOnly), ("ayin <day>", .dayOnly), ("do <day>", .dayOnly),
        // A weekday with its day of the month ("el martes 7", "lundi 14", "Friday the 4th").
        ("<weekday> ?the|le|den|el|il|o <day>", .dayOnly),
    ]
}

/// What a matched date phrase means.
enum DatePhraseMeaning: Sendable, Hashable {
    case relativeDays(Int)
    case fixedDays(Int)
    case inDays(Int)
    case endOfMonth(Int)
    /// The last Monday-to-Friday day of this month (0) or the next (1).
    case lastBusinessDay(Int)
    case endOfNamedMonth
    case midNamedMonth
    case endOfWeek(Int)
    case isoWeek
    case weekday(next: Bool)
    case dayMonth
    case monthDay
    case dayOnly
    case midMonth
    /// Portuguese "2ª feira" ... "6ª feira": Monday ... Friday.
    case portugueseWeekday
}
