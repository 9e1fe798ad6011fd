import Foundation

/// Marks the evidence sentences inside a reply's visible text: every occurrence of each evidence string is wrapped in
/// `<mark>`; everything, marked or not, is escaped text.
enum EvidenceHighlighter {
    static func highlight(_ text: String, evidence: [String]) -> HTML {
        let needles = Set(evidence.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
        guard !needles.isEmpty else { return HTML(text: text) }
        // Ranges to mark, found on the unicode scalars, merged when they overlap.
        var ranges: [Range<String.Index>] = []
        for needle in needles {
            var start = text.startIndex
            while start < text.endIndex, let found = text.range(of: needle, range: start..<text.endIndex) {
                ranges.append(found)
                start = found.upperBound
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<String.Index>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var out: HTML = ""
        var cursor = text.startIndex
        for range in merged {
            out = out + HTML(text: String(text[cursor..<range.lowerBound]))
                + "<mark>" + HTML(text: String(text[range])) + "</mark>"
            cursor = range.upperBound
        }
        return out + HTML(text: String(text[cursor...]))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
