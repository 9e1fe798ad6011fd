#if canImport(Glibc)
import Glibc
#endif

/// Keeps the process's file descriptors under `FD_SETSIZE` (1024) for the jobs that talk IMAP or SMTP.
///
/// libetpan waits on its sockets with `select()`, and glibc's fortified `FD_SET` aborts the process for a descriptor
/// of 1024 or more ("bit out of range 0 - FD_SETSIZE on fd_set"): seen when the whole test suite ran in parallel
/// with a soft limit of 20,000. Lowering the soft limit to 1024 turns that abort into a refused `open`/`accept`
/// (`EMFILE`), which the jobs report and retry; systemd gives services 1024 by default anyway.
enum DescriptorLimit {
    /// Lowers the soft `RLIMIT_NOFILE` to `FD_SETSIZE` when it is above; returns the soft limit found (nil when it
    /// could not be read).
    @discardableResult
    static func keepUnderSelectLimit() -> UInt64? {
        #if canImport(Glibc)
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        let found = UInt64(limit.rlim_cur)
        let ceiling = rlim_t(FD_SETSIZE)
        if limit.rlim_cur > ceiling {
            limit.rlim_cur = ceiling
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return found
        #else
        return nil
        #endif
    }
}
