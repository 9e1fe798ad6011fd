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
             "luni", "mandag", "pazartesi", "ponedjeljak", "ponedjeljka", "ponedjeljku"],
            ["tuesday", "tue", "tues", "mardi", "dienstag", "martes", "martedi", "dinsdag", "terca", "wtorek", "wtorku",
             "marti", "tisdag", "sali", "utorak", "utorka", "utorku"],
            ["wednesday", "wed", "mercredi", "mittwoch", "miercoles", "mercoledi", "woensdag", "quarta", "sroda",
             "srody", "srode", "miercuri", "onsdag", "carsamba", "srijeda", "srijede", "srijedu"],
            ["thursday", "thu", "thur", "thurs", "jeudi", "donnerstag", "jueves", "giovedi", "donderdag", "quinta",
             "czwartek", "czwartku", "joi", "torsdag", "persembe", "cetvrtak", "cetvrtka", "cetvrtku"],
            ["friday", "fri", "vendredi", "freitag", "viernes", "venerdi", "vrijdag", "sexta", "piatek", "piatku",
             "vineri", "fredag", "cuma", "petak", "petka", "petku"],
            ["saturday", "samedi", "samstag", "sonnabend", "sabado", "sabato", "zaterdag", "sobota", "soboty",
             "sambata", "lordag", "cumartesi", "subota", "subote", "subotu"],
            ["sunday", "dimanche", "sonntag", "domingo", "domenica", "zondag", "niedziela", "niedzieli", "duminica",
             "sondag", "pazar", "nedjelja", "nedjelje", "nedjelju"],
        ]
        var table: [String: Int] = [:]
        for (index, names) in lists.enumerated() { for name in names { table[name] = index + 1 } }
        return table
    }()

    /// "next" before or after a weekday, week or month.
    static let next: Set<String> = ["next", "coming", "prochain", "prochaine", "nachsten", "nachste", "nachster",
                                    "kommenden", "kommende", "proximo", "proxima", "prossimo", "prossima", "volgende",
                                    "aanstaande", "komende", "przyszly", "przyszlym", "przyszlej", "przyszlego",
                                    "nastepny", "nastepnym", "nastepnego", "viitoare", "viitor", "viitoarea",
                                    "urmatoare", "urmatorul", "urmatoarea", "nasta", "gelecek", "onumuzdeki",
                                    "sljedeci", "sljedeceg", "sljedecem", "iduci", "iduceg", "iducem", "sljedeceg"]

    /// Phrases, as space-separated slots: a literal (alternatives with `|`, optional with a leading `?`), or
    /// `<month>`, `<weekday>`, `<day>` (1-31, ordinal forms included), `<n>` (any small number), `<year>`,
    /// `<next>`. Each has a meaning resolved by ``DateExtractor``.
    static let phrases: [(String, DatePhraseMeaning)] = [
        // Today, tomorrow, the day after.
        ("today|aujourd|aujourdhui|heute|hoy|oggi|vandaag|hoje|dzisiaj|dzis|astazi|azi|idag|bugun|danas", .relativeDays(0)),
        ("tomorrow|demain|morgen|manana|domani|amanha|jutro|maine|imorgon|yarin|sutra", .relativeDays(1)),
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
        // End of a named month ("fin novembre", "Ende Dezember", "end of December").
        ("?by|at ?the end of <month>", .endOfNamedMonth), ("fin ?de|d' <month>", .endOfNamedMonth), ("ende <month>", .endOfNamedMonth),
        ("final|fin|finales de <month>", .endOfNamedMonth), ("fine ?di <month>", .endOfNamedMonth),
        ("eind|einde <month>", .endOfNamedMonth), ("final|fim de <month>", .endOfNamedMonth),
        ("koniec|konca|koncem <month>", .endOfNamedMonth), ("sfarsitul|finalul lunii|de <month>", .endOfNamedMonth),
        ("slutet av <month>", .endOfNamedMonth), ("<month> sonu|sonunda", .endOfNamedMonth),
        ("kraj|kraja|krajem <month>", .endOfNamedMonth),
        // Middle of a named month.
        ("mid <month>", .midNamedMonth), ("?in the middle of <month>", .midNamedMonth),
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
        ("koniec|konca|koncem tygodnia", .endOfWeek(0)), ("koniec|konca|koncem przyszlego tygodnia", .endOfWeek(1)),
        ("sfarsitul|finalul saptamanii", .endOfWeek(0)), ("sfarsitul|finalul saptamanii viitoare", .endOfWeek(1)),
        ("slutet av veckan", .endOfWeek(0)), ("slutet av nasta vecka", .endOfWeek(1)),
        ("hafta sonuna kadar", .endOfWeek(0)), ("haftanin sonunda|sonuna", .endOfWeek(0)),
        ("gelecek haftanin sonunda|sonuna", .endOfWeek(1)),
        ("kraj|kraja|krajem tjedna", .endOfWeek(0)), ("kraj|kraja|krajem sljedeceg|iduceg tjedna", .endOfWeek(1)),
        // In N days or weeks.
        ("in|within <n> days|day", .inDays(1)), ("in|within <n> weeks|week", .inDays(7)),
        ("dans|sous <n> jours", .inDays(1)), ("dans|sous <n> semaines", .inDays(7)),
        ("in <n> tagen", .inDays(1)), ("in <n> wochen", .inDays(7)),
        ("en|dentro de <n> dias", .inDays(1)), ("en|dentro de <n> semanas", .inDays(7)),
        ("tra|fra|entro <n> giorni", .inDays(1)), ("tra|fra|entro <n> settimane", .inDays(7)),
        ("over|binnen <n> dagen", .inDays(1)), ("over|binnen <n> weken", .inDays(7)),
        ("em|dentro de <n> dias", .inDays(1)), ("em|dentro de <n> semanas", .inDays(7)),
        ("za|w ciagu <n> dni", .inDays(1)), ("za|w ciagu <n> tygodnie|tygodni", .inDays(7)),
        ("in|peste <n> zile", .inDays(1)), ("in|peste <n> saptamani", .inDays(7)),
        ("om|inom <n> dagar", .inDays(1)), ("om|inom <n> veckor", .inDays(7)),
        ("<n> gun icinde|sonra", .inDays(1)), ("<n> hafta icinde|sonra", .inDays(7)),
        ("za <n> dana", .inDays(1)), ("za <n> tjedna|tjedana", .inDays(7)),
        ("in two weeks|a fortnight", .fixedDays(14)), ("dans deux semaines|quinze jours", .fixedDays(14)),
        ("in zwei wochen", .fixedDays(14)), ("en dos semanas", .fixedDays(14)), ("tra due settimane", .fixedDays(14)),
        ("over twee weken", .fixedDays(14)), ("em duas semanas", .fixedDays(14)), ("za dwa tygodnie", .fixedDays(14)),
        ("in doua saptamani", .fixedDays(14)), ("om tva veckor", .fixedDays(14)), ("iki hafta icinde", .fixedDays(14)),
        ("za dva tjedna", .fixedDays(14)),
        // ISO week numbers.
        ("kw|cw|wk|week|woche|semaine|semana|settimana|tydzien|tygodniu|saptamana|vecka|v|hafta|tjedan <n>", .isoWeek),
        // Weekdays, with or without "next".
        ("<next> <weekday>", .weekday(next: true)), ("<weekday> <next>", .weekday(next: true)),
        ("<next> week <weekday>", .weekday(next: true)), ("<weekday> next week", .weekday(next: true)),
        ("?this|ce|cette|diesen|dieser|este|esta|questo|questa|deze|ten|aceasta|denna|bu|ovaj|ovog|ovu <weekday>", .weekday(next: false)),
        // Day and month.
        ("<day> ?de|of|the <month> ?de|of <year>", .dayMonth), ("<month> <day> ?<year>", .monthDay),
        ("?the <day> ?of|de <month>", .dayMonth),
        // A day of the month alone after a preposition ("on the 15th", "le 15", "am 15.").
        ("on the <day>", .dayOnly), ("le <day>", .dayOnly), ("am|bis zum|zum <day>", .dayOnly), ("el|dia <day>", .dayOnly),
        ("il <day>", .dayOnly), ("op de <day>", .dayOnly), ("no dia|ate dia <day>", .dayOnly), ("dnia <day>", .dayOnly),
        ("pe <day>", .dayOnly), ("den <day>", .dayOnly), ("ayin <day>", .dayOnly), ("do <day>", .dayOnly),
    ]
}

/// What a matched date phrase means.
enum DatePhraseMeaning: Sendable, Hashable {
    case relativeDays(Int)
    case fixedDays(Int)
    case inDays(Int)
    case endOfMonth(Int)
    case endOfNamedMonth
    case midNamedMonth
    case endOfWeek(Int)
    case isoWeek
    case weekday(next: Bool)
    case dayMonth
    case monthDay
    case dayOnly
}
