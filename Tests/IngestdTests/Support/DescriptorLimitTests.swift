import Glibc
@testable import ingestd
import Testing

/// The IMAP and SMTP jobs keep their descriptors where libetpan's `select()` can take them.
@Suite struct DescriptorLimitTests {
    static func softLimit() -> rlim_t {
        var limit = rlimit()
        _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        return limit.rlim_cur
    }

    @Test func aSoftLimitAboveFDSetSizeIsLoweredToIt() throws {
        var original = rlimit()
        try #require(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &original) == 0)
        defer {
            var restore = original
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &restore)
        }
        var raised = original
        raised.rlim_cur = min(original.rlim_max, 4096)
        try #require(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0)
        try #require(raised.rlim_cur > rlim_t(FD_SETSIZE), "the hard limit leaves nothing to lower here")

        #expect(DescriptorLimit.keepUnderSelectLimit() == UInt64(raised.rlim_cur))
        #expect(Self.softLimit() == rlim_t(FD_SETSIZE))

        // A limit already under FD_SETSIZE is left as it is.
        var low = original
        low.rlim_cur = 512
        try #require(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &low) == 0)
        #expect(DescriptorLimit.keepUnderSelectLimit() == 512)
        #expect(Self.softLimit() == 512)
    }
}
