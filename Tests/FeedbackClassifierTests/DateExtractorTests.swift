import Foundation
import Testing
@testable import FeedbackClassifier

@Suite struct DateExtractorTests {
    /// Monday 2026-11-16.
    static let monday = LocalDate(year: 2026, month: 11, day: 16)!

    static func first(_ text: String, language: String? = nil, monthFirst: Bool = false) -> String? {
        DateExtractor(today: monday, language: language, monthFirst: monthFirst).dates(in: text).first?.date.description
    }

    @Test(arguments: [
        ("We will pay on 15/12/2026.", "2026-12-15"), ("payment on 2026-12-15", "2026-12-15"),
        ("am 15.12. überwiesen", "2026-12-15"), ("le 15 décembre", "2026-12-15"), ("December 15th", "2026-12-15"),
        ("the 15th of December", "2026-12-15"), ("15 de diciembre", "2026-12-15"), ("15 dicembre", "2026-12-15"),
        ("15 grudnia", "2026-12-15"), ("15 decembrie", "2026-12-15"), ("15 Aralık'ta", "2026-12-15"),
        ("15. prosinca", "2026-12-15"), ("15 januari", "2027-01-15"), ("next Friday", "2026-11-27"),
        ("Friday", "2026-11-20"), ("vendredi prochain", "2026-11-27"), ("nächsten Freitag", "2026-11-27"),
        ("el próximo viernes", "2026-11-27"), ("do piątku", "2026-11-20"), ("până vineri", "2026-11-20"),
        ("tomorrow", "2026-11-17"), ("fin du mois", "2026-11-30"), ("Ende nächster Woche", "2026-11-27"),
        ("end of the month", "2026-11-30"), ("a fine mese", "2026-11-30"), ("KW 50", "2026-12-11"),
        ("in 2 weeks", "2026-11-30"), ("le quinze", "2026-12-15"), ("tra dieci giorni", "2026-11-26"), ("KW 50", "2026-12-11"),
        ("w 47. tygodniu", "2026-11-20"), ("15-02", "2027-02-15"), ("na 5ª feira", "2026-11-19"),
        ("vinerea viitoare", "2026-11-27"), ("kommenden Donnerstag", "2026-11-19"), ("今週中", "2026-11-20"), ("月中", "2026-12-15"),
        ("a metà mese", "2026-12-15"), ("em 30 dias", "2026-12-16"), ("mid-December", "2026-12-15"), ("Ende Dezember", "2026-12-31"),
        ("on the 20th", "2026-11-20"), ("月末", "2026-11-30"), ("下周五", "2026-11-27"), ("12月15日", "2026-12-15"),
        ("15日にお支払いします", "2026-12-15"), ("来週の金曜日", "2026-11-27"),
        // A day with a case ending stands alone; "przyszła środa" is next week's.
        ("przelew 15-go", "2026-12-15"), ("przelew 20-go", "2026-11-20"), ("uplata ide 25-og", "2026-11-25"),
        ("25'inde gönderiyorum", "2026-11-25"), ("ayın 30'unda", "2026-11-30"), ("3'ünde ödüyoruz", "2026-12-03"),
        ("do 15-go grudnia", "2026-12-15"), ("w przyszłą środę", "2026-11-25"), ("0885'i yarın ödüyoruz", "2026-11-17"),
    ] as [(String, String?)])
    func resolves(_ text: String, _ expected: String?) {
        #expect(Self.first(text) == expected, "\(text)")
    }

    /// "Next week, at the latest Friday" names next week's Friday; a day linked to its month ("el 8 de enero") is that
    /// date, and the words after the month do not start another one.
    @Test(arguments: [
        ("zahl ich dir nächste Woche, spätestens Freitag", ["2026-11-27"]),
        ("la semaine prochaine, au plus tard vendredi", ["2026-11-27"]),
        ("volgende week uiterlijk vrijdag", ["2026-11-27"]),
        ("El pago se hará el 8 de enero, primer día de pagos del año.", ["2027-01-08"]),
        ("we pay on the 8th of January, first thing", ["2027-01-08"]),
    ] as [(String, [String])])
    func weekAndMonthContext(_ text: String, _ expected: [String]) {
        let dates = DateExtractor(today: Self.monday).dates(in: text).map(\.date.description)
        #expect(dates == expected, "\(text)")
    }

    /// A weekday with a day that is not that weekday is the weekday alone ("monday first thing" on Monday 16 November
    /// is not Monday the 1st); "fifteen days" in words after "d'ici", "en", "entro" is a fortnight, in digits 15 days.
    @Test(arguments: [
        ("will pay it monday first thing", "2026-11-23"), ("el martes 24 sin falta", "2026-11-24"),
        ("nous vous réglerons d'ici quinze jours", "2026-11-30"), ("dentro de quince días", "2026-11-30"),
        ("entro quindici giorni", "2026-11-30"), ("dans 15 jours", "2026-12-01"),
    ] as [(String, String)])
    func weekdayDayAgreementAndFortnights(_ text: String, _ expected: String) {
        #expect(Self.first(text) == expected, "\(text)")
    }

    /// A weekday beside a calendar date names that date, not "the next such weekday".
    @Test(arguments: [
        ("vi betalar tisdag 7 april", "2027-04-07"), ("Ödeme 12 Haziran Cuma günü yapılacak", "2027-06-12"),
        ("we pay on Friday, 4 December", "2026-12-04"), ("am Dienstag, 15.12. überwiesen", "2026-12-15"),
    ] as [(String, String)])
    func weekdayBesideADateIsThatDate(_ text: String, _ expected: String) {
        let dates = DateExtractor(today: Self.monday).dates(in: text).map(\.date.description)
        #expect(dates == [expected], "\(text)")
    }

    /// "At the latest" marks the date after it (or before it, in English) as a deadline, in several languages.
    @Test(arguments: [
        ("heute noch, spätestens morgen", "2026-11-17"), ("aujourd'hui ou au plus tard vendredi", "2026-11-20"),
        ("uiterlijk vrijdag", "2026-11-20"), ("najpóźniej do piątku", "2026-11-20"), ("by Friday at the latest", "2026-11-20"),
        ("senast fredag", "2026-11-20"),
    ] as [(String, String)])
    func deadlines(_ text: String, _ expected: String) {
        let found = DateExtractor(today: Self.monday).dates(in: text)
        #expect(found.filter(\.deadline).map(\.date.description) == [expected], "\(text)")
    }

    @Test func croatianListopadIsOctober() {
        #expect(Self.first("5. listopada 2027", language: "hr") == "2027-10-05")
        #expect(Self.first("5 listopada 2027", language: "pl") == "2027-11-05")
    }

    @Test func usOrderWhenAsked() {
        #expect(Self.first("on 12/1", monthFirst: true) == "2026-12-01")
        #expect(Self.first("on 12/1") == "2027-01-12")
        #expect(Self.first("on 12/15") == "2026-12-15")
    }

    @Test func vagueWordsGiveNoDate() {
        for text in ["soon", "next week", "as soon as possible", "early January", "we paid 3-4 invoices"] {
            #expect(Self.first(text) == nil, "\(text)")
        }
    }

    /// Every labelled promise date of the corpus must be among the dates found in its reply.
    @Test func corpusPromiseDatesAreFound() throws {
        let examples = try CorpusFixture.examples()
        var total = 0, found = 0
        var misses: [String] = []
        for example in examples {
            guard let now = example.now.flatMap({ LocalDate(iso: $0) }) else { continue }
            let dates = Set(((example.items ?? []).compactMap(\.promiseDate)))
            guard !dates.isEmpty else { continue }
            let currency = example.openItems?.first?.currency
            let extractor = DateExtractor(today: now, language: example.lang, monthFirst: example.lang == "en" && currency == "USD")
            let got = Set(extractor.dates(in: example.text).map(\.date.description))
            for d in dates {
                total += 1
                if got.contains(d) { found += 1 } else { misses.append("\(example.id) want \(d) got \(got.sorted())") }
            }
        }
        let rate = Double(found) / Double(max(total, 1))
        print("promise dates found: \(found)/\(total) = \(rate)")
        for m in misses.prefix(60) { print("  miss \(m)") }
        #expect(rate >= 0.9, "\(found)/\(total)")
    }
}

/// The project's corpus, read once.
enum CorpusFixture {
    static func examples() throws -> [LabelledReply] {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let root = ProcessInfo.processInfo.environment["INGESTD_CORPUS"].map { URL(fileURLWithPath: $0) }
            ?? package.appendingPathComponent("corpus/replies")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
        try #require(!files.isEmpty, "no corpus at \(root.path)")
        return try files.flatMap { try CorpusReader.read(try Data(contentsOf: root.appendingPathComponent($0))) }
    }
}
