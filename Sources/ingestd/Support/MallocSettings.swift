import CMalloc

/// glibc malloc settings for the jobs that store mail (`poll`, `serve`, `ingest`).
///
/// A mail batch allocates a few megabytes (fetched bytes, parsed parts, compressed copies) on worker threads and frees
/// them once stored. With glibc's defaults each thread's heap gives that memory back when the batch ends and grows
/// again, page by page, for the next one: 6,700 `mprotect` calls and their page faults for 10,000 messages, about
/// 3% of the IMAP benchmark's CPU. Keeping up to 64 MB freed at the top of a heap (and serving blocks under 8 MB
/// from the heaps rather than fresh mappings) removes that churn; memory stays bounded by the largest batch, as
/// before.
enum MallocSettings {
    static func forMailJobs() {
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
        _ = mallopt(M_TOP_PAD, 4 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 8 << 20)
    }
}
