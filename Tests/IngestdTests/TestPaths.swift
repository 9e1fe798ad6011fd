import Foundation

/// Where the tests find the package, the shared fixtures and the built `ingestd`.
enum TestPaths {
    /// The package root, derived from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the clone, or `INGESTD_SHARED`.
    static let shared: URL = {
        if let env = ProcessInfo.processInfo.environment["INGESTD_SHARED"] { return URL(fileURLWithPath: env) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The `ingestd` executable built beside the test bundle, or `INGESTD_BIN`.
    static let ingestd: URL = {
        if let env = ProcessInfo.processInfo.environment["INGESTD_BIN"] { return URL(fileURLWithPath: env) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ingestd")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/ingestd")
    }()

    /// Every regular file under `directory`, sorted.
    static func files(under directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var out: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            out.append(url)
        }
        return out.sorted { $0.path < $1.path }
    }
}

/// Runs `ingestd` with arguments and returns its exit status, standard output and standard error.
func runIngestd(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = TestPaths.ingestd
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Drain standard error on another thread so neither pipe can fill up and block the child.
    let errorBox = ErrorOutput()
    let reader = Thread { errorBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorBox.done { usleep(1_000) }
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: errorBox.data, as: UTF8.self))
}

/// Standard error collected by a reader thread.
private final class ErrorOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    private var finished = false

    func set(_ data: Data) { lock.withLock { stored = data; finished = true } }
    var done: Bool { lock.withLock { finished } }
    var data: Data { lock.withLock { stored } }
}
