#if canImport(Glibc)
import Glibc
#endif

/// A TCP connection with a timeout on the connect itself (libetpan's own connect waits as long as the kernel does,
/// and its greeting read ignores the session timeout). Tries each address of the host in turn.
enum TCPConnect {
    /// A connected, blocking socket, or nil when every address failed or timed out.
    static func connect(host: String, port: Int, timeout: Int) -> Int32? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            entry = current.pointee.ai_next
            let fd = socket(current.pointee.ai_family, current.pointee.ai_socktype, current.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            let flags = fcntl(fd, F_GETFL, 0)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            var ok = Glibc.connect(fd, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0
            if !ok && errno == EINPROGRESS {
                var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                if poll(&poller, 1, Int32(max(1, timeout)) * 1000) == 1 {
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    ok = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0
                }
            }
            if ok {
                _ = fcntl(fd, F_SETFL, flags)
                return fd
            }
            close(fd)
        }
        return nil
    }
}
