import FeedbackClassifier
import Foundation

/// Reads the labelled replies of a corpus folder (`<dir>/*.jsonl`), naming the file and line of any bad example.
enum CorpusFiles {
    static func load(directory: String) throws -> [LabelledReply] {
        let url = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        } catch {
            throw CommandError("cannot read the corpus folder \(directory): \(error.localizedDescription)")
        }
        if names.isEmpty { throw CommandError("no .jsonl files in \(directory)") }
        var all: [LabelledReply] = []
        for name in names {
            let file = url.appendingPathComponent(name)
            do {
                all += try CorpusReader.read(try Data(contentsOf: file))
            } catch let error as CorpusReader.LineError {
                throw CommandError("\(file.path): \(error)")
            }
        }
        return all
    }
}

/// An error meant for the person who ran the command.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
