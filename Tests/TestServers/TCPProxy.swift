public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny TCP proxy on 127.0.0.1 for fault tests: forwards to a target port and can cut connections after a number of
/// bytes from the server, cut them now, or pause (hold data in both directions so the peer hangs).
public final class TCPProxy: @unchecked Sendable {
    /// The port clients connect to.
    public let port: UInt16
    private let targetPort: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var connections: [Int: (client: Int32, server: Int32)] = [:]
    private var nextID = 0
    private var paused = false
    private var cutLimit: Int?
    private var serverBytes: [Int: Int] = [:]
    private var clientReads = 0
    private var fromClients = Data()
    private var stopped = false

    /// Starts listening on a free port and forwarding to 127.0.0.1:`targetPort`.
    public init(targetPort: UInt16) throws {
        self.targetPort = targetPort
        listener = try Loopback.listeningSocket(port: 0)
        port = try Loopback.localPort(of: listener)
        Thread { [self] in acceptLoop() }.start()
    }

    deinit { stop() }

    /// Cuts each connection (FIN both ways) once it has forwarded `bytes` bytes from the server; nil: never.
    public func cutAfter(serverBytes bytes: Int?) { lock.withLock { cutLimit = bytes } }

    /// Holds all data in both directions until ``resume()``: peers see a hung connection.
    public func pause() { lock.withLock { paused = true } }

    /// Forwards again after ``pause()``.
    public func resume() { lock.withLock { paused = false } }

    /// Cuts every open connection now.
    public func cutAll() {
        for pair in lock.withLock({ Array(connections.values) }) {
            shutdown(pair.client, Int32(SHUT_RDWR))
            shutdown(pair.server, Int32(SHUT_RDWR))
        }
    }

    /// Bytes forwarded from the server so far, over all connections.
    public var totalServerBytes: Int { lock.withLock { serverBytes.values.reduce(0, +) } }
    /// How many reads brought client bytes so far (commands written together arrive in one read on loopback).
    public var clientReadCount: Int { lock.withLock { clientReads } }
    /// Everything clients sent so far, over all connections (the commands a test expects, or must not see).
    public var clientText: String { lock.withLock { String(decoding: fromClients, as: UTF8.self) } }

    /// Stops listening and cuts every connection. Idempotent.
    public func stop() {
        let wasStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        cutAll()
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                break
            }
            guard !lock.withLock({ stopped }), let server = Loopback.connect(port: targetPort) else {
                close(client)
                continue
            }
            let id = lock.withLock { () -> Int in
                nextID += 1
                connections[nextID] = (client, server)
                return nextID
            }
            let finished = Counter()
            Thread { [self] in pump(id: id, from: server, to: client, fromServer: true, finished: finished) }.start()
            Thread { [self] in pump(id: id, from: client, to: server, fromServer: false, finished: finished) }.start()
        }
        close(listener)
    }

    private func pump(id: Int, from source: Int32, to destination: Int32, fromServer: Bool, finished: Counter) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        loop: while true {
            let count = recv(source, &buffer, buffer.count, 0)
            if count <= 0 { break }
            while lock.withLock({ paused && !stopped }) { usleep(5_000) }
            var allowed = count
            var cutNow = false
            if !fromServer {
                lock.withLock {
                    clientReads += 1
                    fromClients.append(contentsOf: buffer[0..<count])
                }
            }
            if fromServer {
                lock.withLock {
                    let sent = serverBytes[id, default: 0]
                    if let limit = cutLimit, sent + count >= limit {
                        allowed = max(0, limit - sent)
                        cutNow = true
                    }
                    serverBytes[id, default: 0] += allowed
                }
            }
            if allowed > 0, !Loopback.sendAll(destination, Data(buffer[0..<allowed])) { break loop }
            if cutNow { break loop }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(destination, Int32(SHUT_RDWR))
        if finished.increment() == 2 {
            lock.withLock { _ = connections.removeValue(forKey: id) }
            close(source)
            close(destination)
        }
    }
}

/// A thread-safe counter for the two pumps of one connection.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int { lock.withLock { value += 1; return value } }
}
