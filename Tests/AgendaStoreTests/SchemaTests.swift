import Testing
@testable import AgendaStore

@Suite struct SchemaTests {
    @Test func schemaVersionIsNotNegative() { #expect(AgendaStoreInfo.schemaVersion >= 0) }
}
