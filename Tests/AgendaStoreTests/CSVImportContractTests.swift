import Foundation
import Testing
@testable import AgendaStore

/// CSV import as ERPs export it: the operator's column mapping, BOM, CRLF, quoted newlines, decimal commas, date
/// formats, rejected rows with their line numbers.
@Suite struct CSVImportContractTests {
    static let customers = CSVImportConfiguration(
        kind: .customers, columns: [.key: "Kundennummer", .name: "Name", .collector: "Sachbearbeiter"],
        customFields: ["Kreditversicherung": "credit_insurance_limit"], separator: .semicolon)

    static let items = CSVImportConfiguration(
        kind: .items, columns: [.key: "Belegnummer", .customerKey: "Kundennummer", .issueDate: "Belegdatum",
                                .dueDate: "Fälligkeit", .amount: "Betrag", .openAmount: "Offen", .currency: "Währung",
                                .kind: "Belegart"],
        decimalStyle: .comma, dateFormats: ["dd.MM.yyyy", "d.M.yy"])

    static func bytes(_ text: String) -> Data {
        Data([0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test(arguments: StoreFactory.all)
    func importsAGermanERPExportThroughAColumnMapping(factory: StoreFactory) async throws {
        let store = try await factory.make()
        let user = try await store.createUser(login: "MUELLER", name: "Frau Müller", role: .collector)
        let customerFile = Self.bytes("""
            Kundennummer;Name;Sachbearbeiter;Kreditversicherung;Ort
            10001;"Bäckerei Schmidt
            GmbH & Co. KG";MUELLER;25.000,00;Köln
            10002;Metallbau Weber;;;Essen
            """)
        let report = try await store.importCSV(customerFile, configuration: Self.customers, at: Dataset.now)
        #expect(report.committed && report.inserted == 2 && report.rejected.isEmpty)
        let schmidt = try #require(try await store.customer(externalKey: "10001"))
        #expect(schmidt.name == "Bäckerei Schmidt\r\nGmbH & Co. KG" && schmidt.collector == user)
        #expect(schmidt.fields == ["credit_insurance_limit": "25.000,00"])

        let itemFile = Self.bytes("""
            Belegnummer\tKundennummer\tBelegart\tBelegdatum\tFälligkeit\tBetrag\tOffen\tWährung
            RE-2026-001\t10001\tRechnung\t01.09.2026\t1.10.26\t1.234,56\t1.234,56\tEUR
            GS-2026-001\t10001\tGutschrift\t05.09.2026\t05.09.2026\t100,00-\t100,00-\t
            RE-2026-002\t10002\tRechnung\t01.10.2026\t31.10.2026\t12.000\t0\tCHF
            """)
        let itemReport = try await store.importCSV(itemFile, configuration: Self.items, at: Dataset.now)
        #expect(itemReport.committed && itemReport.inserted == 3 && itemReport.rejected.isEmpty)
        let invoice = try #require(try await store.item(number: "RE-2026-001"))
        #expect(invoice.amount == Money(minorUnits: 123_456, currency: "EUR") && invoice.dueDate == Day(iso: "2026-10-01"))
        let credit = try #require(try await store.item(number: "GS-2026-001"))
        #expect(credit.kind == .creditNote && credit.amount.minorUnits == -10_000 && credit.amount.currency == "EUR")
        let chf = try #require(try await store.item(number: "RE-2026-002"))
        #expect(chf.amount == Money(minorUnits: 1_200_000, currency: "CHF") && chf.openAmount.minorUnits == 0)
    }

    struct BadRow: Sendable, CustomTestStringConvertible {
        var row: String
        var reason: String
        var testDescription: String { reason }
    }

    static let badRows: [BadRow] = [
        BadRow(row: "RE-9\t10001\tRechnung\t31.02.2026\t01.03.2026\t1,00\t1,00\tEUR",
               reason: "issue_date is not a date in the configured formats"),
        BadRow(row: "RE-9\t10001\tRechnung\t01.02.2026\t2026-03-01\t1,00\t1,00\tEUR",
               reason: "due_date is not a date in the configured formats"),
        BadRow(row: "RE-9\t10001\tRechnung\t01.02.2026\t01.03.2026\t1,005\t1,00\tEUR",
               reason: "amount has more decimals than the currency allows"),
        BadRow(row: "RE-9\t10001\tRechnung\t01.02.2026\t01.03.2026\t1,00\tnull\tEUR",
               reason: "open_amount is not a number"),
        BadRow(row: "RE-9\t10001\tRechnung\t01.02.2026\t01.03.2026\t1,00\t1,00\tEURO",
               reason: "currency is not an ISO 4217 code"),
        BadRow(row: "RE-9\t10001\tLieferschein\t01.02.2026\t01.03.2026\t1,00\t1,00\tEUR",
               reason: "kind is neither invoice nor credit note"),
        BadRow(row: "RE-9\t99999\tRechnung\t01.02.2026\t01.03.2026\t1,00\t1,00\tEUR",
               reason: "customer_key names no customer"),
        BadRow(row: "\t10001\tRechnung\t01.02.2026\t01.03.2026\t1,00\t1,00\tEUR", reason: "key is empty"),
        BadRow(row: "RE-9\t10001\tRechnung\t01.02.2026\t01.03.2026\t1,00\t1,00\tEUR\textra",
               reason: "has 9 fields, the header has 8"),
    ]

    @Test(arguments: StoreFactory.all, badRows)
    func aBadRowIsReportedWithItsLineAndNothingIsWritten(factory: StoreFactory, bad: BadRow) async throws {
        let store = try await Self.storeWithOneCustomer(factory)
        let file = Self.bytes("""
            Belegnummer\tKundennummer\tBelegart\tBelegdatum\tFälligkeit\tBetrag\tOffen\tWährung
            RE-8\t10001\tRechnung\t01.09.2026\t01.10.2026\t"multi
            line?"\t1,00\tEUR
            RE-7\t10001\tRechnung\t01.09.2026\t01.10.2026\t1,00\t1,00\tEUR
            \(bad.row)
            """)
        let report = try await store.importCSV(file, configuration: Self.items, at: Dataset.now)
        #expect(!report.committed)
        #expect(report.rejected == [RejectedRow(line: 2, reason: "amount is not a number"),
                                    RejectedRow(line: 5, reason: bad.reason)])
        #expect(try await store.item(number: "RE-7") == nil)
    }

    static func storeWithOneCustomer(_ factory: StoreFactory) async throws -> any AgendaStore {
        let store = try await factory.make()
        _ = try await store.importCSV(Self.bytes("Kundennummer;Name;Kreditversicherung\n10001;Schmidt;\n"),
                                      configuration: Self.customers, at: Dataset.now)
        return store
    }
}
