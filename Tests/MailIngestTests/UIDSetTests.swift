import Testing
@testable import MailIngest

/// UID sets are sent as compact ranges (RFC 9051 section 9, `sequence-set`).
@Suite struct UIDSetTests {
    @Test(arguments: [
        ([UInt32](), [ClosedRange<UInt32>]()),
        ([5], [5...5]),
        ([1, 2, 3, 4, 5], [1...5]),
        ([9, 1, 3, 2, 12, 13, 14], [1...3, 9...9, 12...14]),
        ([7, 7, 8, 0], [7...8]),
        ([UInt32.max, UInt32.max - 1], [(UInt32.max - 1)...UInt32.max]),
    ])
    func rangesAreSortedMergedAndDeduplicated(uids: [UInt32], expected: [ClosedRange<UInt32>]) {
        #expect(UIDSet.ranges(uids) == expected)
    }

    /// System flags and atoms pass; keywords with spaces, parentheses or quotes are refused before sending.
    @Test(arguments: [
        (["\\Seen"], true), (["$Captured", "\\Flagged"], true), (["Junk"], true),
        (["two words"], false), (["(x)"], false), ([""], false), (["quo\"te"], false), (["caf\u{E9}"], false),
    ])
    func flagListValidation(flags: [String], valid: Bool) {
        let list = UIDSet.flagList(flags)
        #expect((list != nil) == valid)
        if let list { UIDSet.free(list) }
    }
}
