import Testing
@testable import AgendaStore

/// Amounts, dates and flags as ERPs write them.
@Suite struct CSVValuesTests {
    @Test(arguments: [
        ("1250.00", DecimalStyle.auto, "EUR", Int64(125_000)),
        ("1.250,00", .auto, "EUR", 125_000),
        ("1,250.00", .auto, "EUR", 125_000),
        ("1 250,5", .auto, "EUR", 125_050),
        ("1\u{A0}250,50", .auto, "EUR", 125_050),
        ("1'250.50", .auto, "CHF", 125_050),
        ("300,5", .auto, "EUR", 30_050),
        ("1,234", .auto, "EUR", 123_400),
        ("1,23", .comma, "EUR", 123),
        ("1.234", .comma, "EUR", 123_400),
        ("1,234,567", .auto, "EUR", 123_456_700),
        ("-12,50", .auto, "EUR", -1_250),
        ("12,50-", .auto, "EUR", -1_250),
        ("(12.50)", .auto, "EUR", -1_250),
        ("+7", .auto, "EUR", 700),
        ("1500", .auto, "JPY", 1_500),
        ("1.234", .auto, "KWD", 1_234),
        ("12.500", .point, "EUR", 1_250),
        ("0,1", .auto, "EUR", 10),
    ])
    func readsAmounts(text: String, style: DecimalStyle, currency: String, minor: Int64) throws {
        #expect(try CSVValues.amount(text, style: style, exponent: Money.exponent(of: currency)).get() == minor)
    }

    @Test(arguments: [
        ("", CSVValues.AmountError.empty), ("ten", .notANumber), ("12.345", .tooManyDecimals),
        ("1.2.3,4,5", .notANumber), ("99999999999999999999", .tooLarge), ("€ 12", .notANumber), ("-", .empty),
    ])
    func refusesBadAmounts(text: String, error: CSVValues.AmountError) {
        let style: DecimalStyle = text == "12.345" ? .point : .auto
        #expect(throws: error) { try CSVValues.amount(text, style: style, exponent: 2).get() }
    }

    static let formats = ["yyyy-MM-dd", "dd/MM/yyyy", "dd.MM.yyyy", "yyyyMMdd", "d/M/yy"].map(CSVValues.DateFormat.init)

    @Test(arguments: [
        ("2026-10-01", "2026-10-01"), ("01/10/2026", "2026-10-01"), ("01.10.2026", "2026-10-01"),
        ("20261001", "2026-10-01"), ("1/10/26", "2026-10-01"), ("2026-10-01T00:00:00", "2026-10-01"),
        ("29/02/2028", "2028-02-29"), ("31.12.1999", "1999-12-31"),
    ])
    func readsDates(text: String, iso: String) {
        #expect(CSVValues.date(text, formats: Self.formats)?.iso == iso)
    }

    @Test(arguments: ["2026-02-30", "29/02/2027", "2026-13-01", "10/2026", "", "tomorrow", "2026-10-01x", "32.01.2026"])
    func refusesBadDates(text: String) {
        #expect(CSVValues.date(text, formats: Self.formats) == nil)
    }

    @Test(arguments: [("oui", true), ("Ja", true), ("x", true), ("1", true), ("", false), ("nein", false),
                      ("0", false), ("NO", false)])
    func readsFlags(text: String, value: Bool) {
        #expect(CSVValues.flag(text) == value)
    }

    @Test func refusesUnknownFlagsAndKinds() {
        #expect(CSVValues.flag("maybe") == nil)
        #expect(CSVValues.itemKind("avoir") == .some(.creditNote))
        #expect(CSVValues.itemKind("Rechnung") == .some(.invoice))
        #expect(CSVValues.itemKind("") == .some(nil))
        #expect(CSVValues.itemKind("order") == nil)
    }
}
