/// Month and weekday names of the 14 customer languages, lower-case, with the declined forms dates use
/// (Polish and Croatian genitives). One table per kind; a new language adds its words here.
enum DateWords {
    /// Month name -> month number.
    static let months: [String: Int] = {
        let rows: [(Int, [String])] = [
            (1, ["january", "jan", "janvier", "januar", "jänner", "enero", "gennaio", "januari", "janeiro", "stycznia",
                 "styczeń", "styczen", "ianuarie", "ocak", "siječnja", "sijecnja", "siječanj", "一月"]),
            (2, ["february", "feb", "février", "fevrier", "februar", "febrero", "febbraio", "februari", "fevereiro",
                 "lutego", "luty", "februarie", "şubat", "subat", "veljače", "veljace", "veljača"]),
            (3, ["march", "mar", "mars", "märz", "maerz", "marzo", "maart", "março", "marco", "marca", "marzec",
                 "martie", "mart", "ožujka", "ozujka", "ožujak"]),
            (4, ["april", "apr", "avril", "abril", "aprile", "kwietnia", "kwiecień", "aprilie", "nisan", "travnja",
                 "travanj"]),
            (5, ["may", "mai", "mayo", "maggio", "mei", "maio", "maja", "maj", "mayıs", "mayis", "svibnja", "svibanj"]),
            (6, ["june", "jun", "juin", "juni", "junio", "giugno", "junho", "czerwca", "czerwiec", "iunie", "haziran",
                 "lipnja", "lipanj"]),
            (7, ["july", "jul", "juillet", "juli", "julio", "luglio", "julho", "lipca", "lipiec", "iulie", "temmuz",
                 "srpnja", "srpanj"]),
            (8, ["august", "aug", "août", "aout", "agosto", "augustus", "sierpnia", "sierpień", "augusti", "ağustos",
                 "agustos", "kolovoza", "kolovoz"]),
            (9, ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro",
                 "września", "wrzesnia", "wrzesień", "septembrie", "eylül", "eylul", "rujna", "rujan"]),
            (10, ["october", "oct", "octobre", "oktober", "octubre", "ottobre", "outubro", "października",
                  "pazdziernika", "październik", "octombrie", "ekim", "listopada", "listopad"]),
            (11, ["november", "nov", "novembre", "noviembre", "novembro", "listopada", "noiembrie", "kasım", "kasim",
                  "studenoga", "studenog", "studeni"]),
            (12, ["december", "dec", "décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro",
                  "grudnia", "grudzień", "decembrie", "aralık", "aralik", "prosinca", "prosinac"]),
        ]
        var out: [String: Int] = [:]
        for (month, names) in rows {
            for name in names where out[name] == nil { out[name] = month }
        }
        // Polish "listopad" is November; Croatian "listopad" is October. Customers' Polish outnumbers Croatian
        // dates spelled this way only in the genitive, where Croatian writes "listopada" too: keep Polish.
        out["listopada"] = 11
        out["listopad"] = 11
        return out
    }()

    /// Weekday name -> ISO weekday (1 = Monday ... 7 = Sunday).
    static let weekdays: [String: Int] = {
        let rows: [(Int, [String])] = [
            (1, ["monday", "mon", "lundi", "montag", "lunes", "lunedì", "lunedi", "maandag", "segunda", "segunda-feira",
                 "poniedziałek", "poniedzialek", "poniedziałku", "luni", "måndag", "mandag", "pazartesi", "ponedjeljak",
                 "ponedjeljka"]),
            (2, ["tuesday", "tue", "mardi", "dienstag", "martes", "martedì", "martedi", "dinsdag", "terça", "terca",
                 "terça-feira", "wtorek", "wtorku", "marți", "marti", "tisdag", "salı", "sali", "utorak", "utorka"]),
            (3, ["wednesday", "wed", "mercredi", "mittwoch", "miércoles", "miercoles", "mercoledì", "mercoledi",
                 "woensdag", "quarta", "quarta-feira", "środa", "sroda", "środy", "miercuri", "onsdag", "çarşamba",
                 "carsamba", "srijeda", "srijede"]),
            (4, ["thursday", "thu", "jeudi", "donnerstag", "jueves", "giovedì", "giovedi", "donderdag", "quinta",
                 "quinta-feira", "czwartek", "czwartku", "joi", "torsdag", "perşembe", "persembe", "četvrtak",
                 "cetvrtak"]),
            (5, ["friday", "fri", "vendredi", "freitag", "viernes", "venerdì", "venerdi", "vrijdag", "sexta",
                 "sexta-feira", "piątek", "piatek", "piątku", "vineri", "fredag", "cuma", "petak", "petka"]),
            (6, ["saturday", "sat", "samedi", "samstag", "sábado", "sabado", "sabato", "zaterdag", "sobota", "soboty",
                 "sâmbătă", "sambata", "lördag", "lordag", "cumartesi", "subota", "subote"]),
            (7, ["sunday", "sun", "dimanche", "sonntag", "domingo", "domenica", "zondag", "niedziela", "niedzieli",
                 "duminică", "duminica", "söndag", "sondag", "pazar", "nedjelja", "nedjelje"]),
        ]
        var out: [String: Int] = [:]
        for (day, names) in rows { for name in names { out[name] = day } }
        return out
    }()

    /// Words that, before a month name, mean its last day ("end of April", "fin avril", "fine aprile").
    static let endOfMonth: Set<String> = ["end", "fin", "fine", "ende", "eind", "finales", "final", "koniec", "końca",
                                          "sfârșitul", "sfarsitul", "slutet", "sonu", "kraj", "kraja"]
}
