import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `ingestd serve` as a process: it starts on the configured port, creates the first administrator, answers
/// `/health` and `/login`, and stops cleanly on SIGTERM.
@Suite struct ServeCommandTests {
    /// A port that was free a moment ago (bind to 0, read it, close).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(fd, pointer, length) == 0 else { return -1 }
                return getsockname(fd, pointer, &length)
            }
        }
        try #require(bound == 0)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func get(_ url: URL) async -> (Int, String)? {
        guard let (data, response) = try? await URLSession.shared.data(from: url),
              let http = response as? HTTPURLResponse else { return nil }
        return (http.statusCode, String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(1)))
    func serveStartsAnswersAndStopsOnSIGTERM() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = try Self.freePort()
        let config = directory.appendingPathComponent("ingestd.yaml")
        try Data("""
            data_dir: \(directory.path)
            listen: {port: \(port)}
            web: {bcrypt_cost: 4}
            admin: {login: admin, password_env: TEST_ADMIN_PASSWORD}
            """.utf8).write(to: config)
        let process = Process()
        process.executableURL = TestPaths.ingestd
        process.arguments = ["serve", "--config", config.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["TEST_ADMIN_PASSWORD": "a long secret"]) { $1 }
        let errors = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.interrupt(); kill(process.processIdentifier, SIGKILL) } }

        var health: (Int, String)?
        for _ in 0..<100 where health == nil {
            health = await Self.get(URL(string: "http://127.0.0.1:\(port)/health")!)
            if health == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(health?.0 == 200 && health?.1 == "ok\n")
        let login = await Self.get(URL(string: "http://127.0.0.1:\(port)/login")!)
        #expect(login?.0 == 200 && login?.1.contains("name=\"password\"") == true)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("ingestd.sqlite").path))

        process.terminate() // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let log = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        #expect(log.contains("first administrator created") && log.contains("serve stopped"))
        #expect(!log.contains("a long secret"))
    }
}
