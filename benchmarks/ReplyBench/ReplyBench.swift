// Reply benchmark: messages per second on one thread for reply extraction alone, for extraction plus kind detection
// (bounce, feedback report, auto-reply), and end to end from the file's bytes (MessageAnalyzer).
// Usage: reply-bench MIN_MESSAGES FIXTURES_DIR. Inputs are loaded and prepared once (see PreparedInput), warmed up
// for one round, then run in rounds until at least MIN_MESSAGES. Prints one JSON line per stage and input set.
// With REPLY_BENCH_SLOWEST=N it then prints the N inputs taking the most CPU time in extract+detect.
import Foundation
import Glibc
import MailIngest

@main
struct ReplyBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, let minimum = Int(arguments[1]) else {
            FileHandle.standardError.write(Data("usage: reply-bench MIN_MESSAGES FIXTURES_DIR\n".utf8))
            exit(64)
        }
        let fixtures = URL(fileURLWithPath: arguments[2])
        let replies = try PreparedInput.load(fixtures, folder: "replies")
        let bounces = try PreparedInput.load(fixtures, folder: "bounces")
        guard !replies.isEmpty, !bounces.isEmpty else {
            FileHandle.standardError.write(Data("reply-bench: no inputs under \(fixtures.path)\n".utf8))
            exit(66)
        }
        let detector = KindDetector()
        let analyzer = MessageAnalyzer()

        func extract(_ input: PreparedInput) -> Int {
            ReplyExtractor.extract(input.body, hints: input.hints).visible.utf8.count
        }
        func extractAndDetect(_ input: PreparedInput) -> Int {
            let reply = ReplyExtractor.extract(input.body, hints: input.hints)
            // As MessageAnalyzer does: headers and parts for messages, the body's text for bare bodies.
            let detection = if let message = input.message {
                detector.detect(message)
            } else {
                detector.detect(body: input.body.text)
            }
            return reply.visible.utf8.count &+ detection.kind.rawValue.utf8.count
        }
        func analyze(_ input: PreparedInput) -> Int {
            let analysis = analyzer.analyze(input.bytes, format: input.format)
            return analysis.reply.visible.utf8.count &+ analysis.kind.rawValue.utf8.count
        }

        let all = replies + bounces
        // The prepared bodies must give what the product gives from the bytes; list any input where they differ.
        for (index, input) in all.enumerated() {
            let prepared = ReplyExtractor.extract(input.body, hints: input.hints).visible
            let product = analyzer.analyze(input.bytes, format: input.format).reply.visible
            if prepared != product {
                print("{\"mismatch\": \(index), \"prepared\": \(prepared.utf8.count), \"product\": \(product.utf8.count)}")
            }
        }
        measure("extract", "replies", replies, minimum, extract)
        measure("extract+detect", "replies", replies, minimum, extractAndDetect)
        measure("extract+detect", "bounces", bounces, minimum, extractAndDetect)
        measure("extract+detect", "replies+bounces", all, minimum, extractAndDetect)
        measure("analyze-from-bytes", "replies", replies, minimum, analyze)
        measure("analyze-from-bytes", "replies+bounces", all, minimum, analyze)
        if let count = ProcessInfo.processInfo.environment["REPLY_BENCH_SLOWEST"].flatMap(Int.init), count > 0 {
            slowest(count, all, extractAndDetect)
        }
    }

    /// Runs `work` over `inputs` once to warm up, then in whole rounds to at least `minimum` messages; prints a line.
    static func measure(_ stage: String, _ set: String, _ inputs: [PreparedInput], _ minimum: Int,
                        _ work: (PreparedInput) -> Int) {
        var checksum = 0
        for input in inputs { checksum &+= work(input) }
        let rounds = max(1, (minimum + inputs.count - 1) / inputs.count)
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = threadCPUSeconds()
        for _ in 0..<rounds {
            for input in inputs { checksum &+= work(input) }
        }
        let elapsed = clock.now - start
        let cpuSeconds = threadCPUSeconds() - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let messages = rounds * inputs.count
        print("{\"impl\": \"ingestd\", \"stage\": \"\(stage)\", \"set\": \"\(set)\", \"files\": \(inputs.count), "
              + "\"messages\": \(messages), \"seconds\": \(seconds), \"msgs_per_s\": \(Double(messages) / seconds), "
              + "\"cpu_seconds\": \(cpuSeconds), \"msgs_per_cpu_s\": \(Double(messages) / cpuSeconds), "
              + "\"checksum\": \(checksum)}")
    }

    /// Prints the `count` inputs of `inputs` taking the most thread CPU time per run of `work` (median of 21 runs),
    /// with their share of one round's total.
    static func slowest(_ count: Int, _ inputs: [PreparedInput], _ work: (PreparedInput) -> Int) {
        var checksum = 0
        let costs = inputs.map { input -> Double in
            var samples: [Double] = []
            for _ in 0..<21 {
                let start = threadCPUSeconds()
                checksum &+= work(input)
                samples.append(threadCPUSeconds() - start)
            }
            return samples.sorted()[samples.count / 2]
        }
        let total = costs.reduce(0, +)
        for (rank, index) in costs.indices.sorted(by: { costs[$0] > costs[$1] }).prefix(count).enumerated() {
            print("{\"slowest\": \(rank + 1), \"file\": \"\(inputs[index].path)\", \"bytes\": \(inputs[index].bytes.count), "
                  + "\"cpu_us\": \(Int(costs[index] * 1e6)), \"share_of_round\": \(costs[index] / total)}")
        }
        print("{\"round_cpu_us\": \(Int(total * 1e6)), \"inputs\": \(inputs.count), \"checksum\": \(checksum)}")
    }

    /// CPU time this thread has used, in seconds: on a shared, loaded machine the wall clock also counts the time
    /// other processes held the core.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
