// MIME benchmark: messages per second for parse + transfer/charset decoding + body choice (including HTML to
// text) on one thread (MIME_BENCH_STAGE selects other stages). Usage: mime-bench MIN_MESSAGES FILE... (files are loaded once, then analysed in rounds
// until at least MIN_MESSAGES analyses were done). Prints one JSON line.
import Foundation
import MailIngest

@main
struct MIMEBench {
    static func main() throws {
        var arguments = CommandLine.arguments.dropFirst()
        guard let first = arguments.first, let minimum = Int(first), arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: mime-bench MIN_MESSAGES FILE...\n".utf8))
            exit(64)
        }
        arguments = arguments.dropFirst()
        let inputs = try arguments.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let analyzer = MessageAnalyzer()
        // MIME_BENCH_DUMP=1 prints what the analysis found for every file instead of timing (see AnalysisDump).
        if ProcessInfo.processInfo.environment["MIME_BENCH_DUMP"] == "1" {
            for (path, input) in zip(arguments, inputs) {
                print("== \(path)")
                print(AnalysisDump.dump(analyzer.analyze(input)), terminator: "")
            }
            return
        }
        // MIME_BENCH_STAGE=parse measures the MIME parse alone (for profiling); MIME_BENCH_STAGE=choose the same work
        // as benchmarks/mime_python.py's compat32 side (parse, decode every text leaf to a string, take the first
        // text/plain else text/html, no HTML to text); the default is the whole analysis.
        // MIME_BENCH_STAGE=analyze runs MessageAnalyzer.analyze (also kind detection and reply extraction);
        // MIME_BENCH_STAGE=detect runs MessageAnalyzer.detect (parse and kind detection: the IMAP poller's work).
        let stage = ProcessInfo.processInfo.environment["MIME_BENCH_STAGE"] ?? "body"
        let parseOnly = stage == "parse"
        let parser = MessageParser()
        let chooser = BodyChooser()
        // MIME_BENCH_FORMAT=html or text analyses each file as a bare body of that kind (profiling body rendering).
        let format = ProcessInfo.processInfo.environment["MIME_BENCH_FORMAT"].flatMap(MessageAnalysis.InputFormat.init)
            ?? .eml
        func run(_ input: Data) -> Int {
            switch stage {
            case "parse": return parser.parse(input).root.allParts.count
            case "choose": return sameWorkAsPython(parser.parse(input))
            case "analyze": return analyzer.analyze(input, format: format).body.body.lines.count
            case "detect":
                let detected = analyzer.detect(input)
                return detected.detection.kind.rawValue.utf8.count &+ (detected.sender?.address.utf8.count ?? 0)
            default: return format == .eml ? chooser.choose(parser.parse(input)).body.lines.count
                : analyzer.analyze(input, format: format).body.body.lines.count
            }
        }
        // One warm-up round.
        var checksum = 0
        for input in inputs { checksum &+= run(input) }
        let rounds = max(1, (minimum + inputs.count - 1) / inputs.count)
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = threadCPUSeconds()
        for _ in 0..<rounds {
            for input in inputs { checksum &+= run(input) }
        }
        let elapsed = clock.now - start
        // CPU time of this thread: less disturbed than wall time when the machine is loaded (A/B comparisons).
        let cpuSeconds = threadCPUSeconds() - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let messages = rounds * inputs.count
        let bytes = inputs.reduce(0) { $0 + $1.count } * rounds
        print("{\"impl\": \"ingestd\(stage == "body" ? "" : "-" + stage)\", \"files\": \(inputs.count), \"messages\": \(messages), \"bytes\": \(bytes), "
              + "\"seconds\": \(seconds), \"cpu_seconds\": \(cpuSeconds), \"msgs_per_s\": \(Double(messages) / seconds), \"checksum\": \(checksum)}")
    }
}

/// The compat32 side's work: every text leaf decoded to a string, the first text/plain (else text/html) chosen.
private func sameWorkAsPython(_ message: ParsedMessage) -> Int {
    var plain: String?
    var html: String?
    for part in message.root.leaves where part.contentType.type == "text" {
        guard let text = part.decodedText()?.text else { continue }
        if part.contentType.subtype == "plain", plain == nil { plain = text }
        else if part.contentType.subtype == "html", html == nil { html = text }
    }
    return (plain ?? html ?? "").utf8.count
}

/// CPU seconds this thread has used so far.
private func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
