import Foundation
import Testing
import MailIngest

/// The labelled corpus (`corpus/replies/*.jsonl`) holds customers' visible replies only: extraction must leave
/// them whole, at most cutting a signature block off their end.
@Suite struct ReplyCorpusTests {
    struct Example: Decodable {
        var id: String
        var text: String
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus/replies")

    @Test func visibleRepliesStayVisible() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".jsonl") }
        var examples: [Example] = []
        for file in files {
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent(file))
            examples += try data.split(separator: UInt8(ascii: "\n")).map {
                try JSONDecoder().decode(Example.self, from: Data($0))
            }
        }
        try #require(examples.count >= 1000, "corpus not found at \(Self.corpus.path)")
        var changed: [String] = []
        for example in examples {
            let reply = ReplyExtractor.extract(BodyText(plain: example.text))
            let visible = ReplyFixtureTests.normalize(reply.visible)
            let text = ReplyFixtureTests.normalize(example.text)
            guard visible != text else { continue }
            changed.append(example.id)
            // Only a trailing signature block may go (a closing, the name, a title or phone), never the reply's
            // own words.
            #expect(text.hasPrefix(visible) && !visible.isEmpty, "\(example.id) lost text")
            #expect(reply.quoted.isEmpty, "\(example.id) got quoted history")
            let cut = reply.signature.split(separator: "\n").count
            #expect(cut >= 2 && cut <= 12, "\(example.id): a \(cut)-line signature")
        }
        print("ReplyCorpusTests: \(changed.count) of \(examples.count) lost a signature block: \(changed.prefix(20))")
        // Most corpus replies end with a bare closing and name, which stay visible.
        #expect(changed.count * 10 <= examples.count, "more than 10% changed")
    }
}
