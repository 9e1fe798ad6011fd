import Foundation
@testable import ingestd
import Testing

@Suite struct SecretSourceTests {
    static let files: [String: Data] = ["/pw": Data("s3cret\r\n\n".utf8), "/empty-line": Data("a b\n".utf8)]
    static func read(_ file: String?, _ env: String?) throws(SecretSource.Failure) -> String? {
        try SecretSource.read(file: file, env: env, environment: ["PW": "from-env", "EMPTY": ""],
                              readFile: { files[$0] })
    }

    @Test func fileWithTrailingLineBreaksDropped() throws {
        #expect(try Self.read("/pw", nil) == "s3cret")
        #expect(try Self.read("/empty-line", nil) == "a b")
    }

    @Test func environmentVariable() throws {
        #expect(try Self.read(nil, "PW") == "from-env")
        #expect(try Self.read(nil, nil) == nil)
    }

    @Test func mistakesAreRefused() {
        #expect(throws: SecretSource.Failure.unreadableFile("/nope")) { try Self.read("/nope", nil) }
        #expect(throws: SecretSource.Failure.unsetVariable("MISSING")) { try Self.read(nil, "MISSING") }
        #expect(throws: SecretSource.Failure.unsetVariable("EMPTY")) { try Self.read(nil, "EMPTY") }
        #expect(throws: SecretSource.Failure.both) { try Self.read("/pw", "PW") }
        #expect(SecretSource.Failure.unreadableFile("/x").describe("password") == "cannot read password_file /x")
    }
}
