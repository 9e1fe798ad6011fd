public import Foundation

/// Reads labelled replies from JSON Lines.
public enum CorpusReader {
    /// A line that could not be read, with its position.
    public struct LineError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Decodes every non-empty line of `data`; a bad line is an error naming its number.
    public static func read(_ data: Data) throws -> [LabelledReply] {
        let decoder = JSONDecoder()
        var out: [LabelledReply] = []
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                out.append(try decoder.decode(LabelledReply.self, from: Data(line)))
            } catch {
                throw LineError(line: number, reason: "\(error)")
            }
        }
        return out
    }
}
