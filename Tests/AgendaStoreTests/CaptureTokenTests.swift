import Testing
@testable import AgendaStore

/// The capture token format and the item-number key (pure).
@Suite struct CaptureTokenTests {
    @Test(arguments: [("relances+c1042@acme.example", "c1042"), ("Replies+C7K2M9QX@Acme.Example", "c7k2m9qx"),
                      ("a+b+tok123@x.example", nil), ("replies@acme.example", nil), ("replies+ab@acme.example", nil),
                      ("replies+c10-42@acme.example", nil), ("no-at-sign+c1042", nil)] as [(String, String?)])
    func theTokenIsTheDetailOfTheAddress(address: String, token: String?) {
        #expect(CaptureToken.token(inAddress: address) == token)
    }

    @Test func generatedTokensHaveTheFormat() {
        let tokens = (0..<200).map { _ in CaptureToken.generate() }
        #expect(tokens.allSatisfy { CaptureToken.isValid($0) && $0.count == 8 && $0.first == "c" })
        #expect(tokens.allSatisfy { !$0.dropFirst().contains(where: { "ilou".contains($0) }) })
        #expect(Set(tokens).count > 190)
    }

    @Test func theCaptureAddressIsASubAddressOfTheReplyMailbox() {
        #expect(CaptureToken.address(base: "replies@acme.example", token: "c1042") == "replies+c1042@acme.example")
        #expect(CaptureToken.address(base: "replies+x@acme.example", token: "c1042") == nil)
        #expect(CaptureToken.address(base: "replies", token: "c1042") == nil)
        #expect(CaptureToken.address(base: "replies@acme.example", token: "C-1") == nil)
    }

    @Test(arguments: [("F-118", "F118"), ("f 118", "F118"), ("re-2026/0412", "RE20260412"), ("#inv_7.1", "INV71"),
                      ("Ä-1", "Ä1")])
    func itemNumberKeys(number: String, key: String) {
        #expect(ItemNumberKey.make(number) == key)
    }
}
