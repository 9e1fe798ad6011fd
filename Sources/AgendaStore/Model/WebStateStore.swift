public import Foundation

/// What the web UI keeps across restarts (issue #8): logged-in sessions, the last state of the operators' training or
/// evaluation job, the labelling queue read page by page through indexes, and operators' edits of scenario steps and
/// templates with their history. A separate protocol so `AgendaStore` stays as it is; `SQLiteAgendaStore` conforms.
public protocol WebStateStore: Sendable {
    /// Stores a new session, or replaces the one with the same key.
    func saveSession(_ session: StoredWebSession) async throws
    /// The session stored under `key` that has not expired at `now`; an expired one is deleted and nil returned.
    func webSession(key: String, now: Date) async throws -> StoredWebSession?
    /// Moves a session's expiry (sliding lifetime).
    func touchWebSession(key: String, expires: Date) async throws
    /// Replaces a session's agenda filters (opaque text of the web UI).
    func setWebSessionFilters(key: String, filters: String) async throws
    /// Deletes a session (logout).
    func deleteWebSession(key: String) async throws
    /// Deletes the sessions expired at `now`; returns how many are left.
    func purgeWebSessions(now: Date) async throws -> Int

    /// Records how the operators' model job stands (one row per job; the newest is the last state).
    func saveModelJob(_ job: ModelJobRecord) async throws
    /// The newest job, if any.
    func lastModelJob() async throws -> ModelJobRecord?

    /// One page of the labelling queue: replies and comments not yet labelled that the classifier abstained on, read
    /// with confidence below `threshold`, or whose proposal a collector corrected or rejected; newest first, starting
    /// after `cursor` (nil: the first page). Every branch reads an index, never the whole replies table.
    func labellingPage(threshold: Double, after cursor: LabellingCursor?, limit: Int) async throws
        -> [LabellingCandidate]

    /// Changes one step of a scenario (delay days, channel, mode) and records the change (before and after) in the
    /// configuration history. Throws `notFound` for an unknown scenario or step position, `invalidArgument` for a
    /// template name that is empty.
    func updateScenarioStep(scenario: ScenarioID, position: Int, to step: ScenarioStep, by user: UserID,
                            at: Date) async throws
    /// Records a template edit (the web UI writes the files; the store keeps who changed what and the text before).
    func recordTemplateRevision(_ revision: TemplateRevision) async throws
    /// The configuration history, newest first: scenario step changes and template revisions.
    func configurationHistory(limit: Int) async throws -> [ConfigurationChange]
}

/// A logged-in session as stored. `key` is a digest of the cookie's token, never the token itself.
public struct StoredWebSession: Sendable, Hashable {
    /// SHA-256 of the cookie's session id, hex.
    public var key: String
    /// The user (their role and name are read again from the accounts).
    public var user: UserID
    /// The session's CSRF token.
    public var csrfToken: String
    /// When it ends unless used again.
    public var expires: Date
    /// The agenda filters, as the web UI wrote them.
    public var filters: String

    /// Makes a stored session.
    public init(key: String, user: UserID, csrfToken: String, expires: Date, filters: String) {
        self.key = key
        self.user = user
        self.csrfToken = csrfToken
        self.expires = expires
        self.filters = filters
    }

    /// The storage key of a cookie's session id: SHA-256 (FIPS 180-4), hex.
    public static func key(forToken token: String) -> String { SHA256.hex(SHA256.hash(Array(token.utf8))) }
}

/// How the operators' training or evaluation job stands, as stored.
public struct ModelJobRecord: Sendable, Hashable {
    /// `running`, `finished` or `failed`.
    public enum Phase: String, Sendable, Hashable, CaseIterable {
        /// Started and not ended (after a restart: interrupted).
        case running
        /// Ended with a registered version.
        case finished
        /// Ended with an error.
        case failed
    }

    /// A job id (random, chosen by the web UI) so a job's end updates its own row.
    public var id: String
    /// `training` or `evaluation`.
    public var kind: String
    /// How it stands.
    public var phase: Phase
    /// When it started.
    public var startedAt: Date
    /// When it ended.
    public var endedAt: Date?
    /// The version it registered.
    public var version: String?
    /// Why it failed (a fixed sentence, no file names or customer data).
    public var reason: String?

    /// Makes a record.
    public init(id: String, kind: String, phase: Phase, startedAt: Date, endedAt: Date? = nil, version: String? = nil,
                reason: String? = nil) {
        self.id = id
        self.kind = kind
        self.phase = phase
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.version = version
        self.reason = reason
    }
}

/// Where a labelling page ends: the last candidate's arrival and id (keyset paging).
public struct LabellingCursor: Sendable, Hashable {
    /// Arrival of the last candidate shown.
    public var receivedAt: Date
    /// Its id.
    public var id: InboundMessageID

    /// Makes a cursor.
    public init(receivedAt: Date, id: InboundMessageID) {
        self.receivedAt = receivedAt
        self.id = id
    }
}

/// One edit of a template file: which template, language and part, the text before and after.
public struct TemplateRevision: Sendable, Hashable {
    /// Template name (a scenario step's `template`).
    public var template: String
    /// Language code.
    public var language: String
    /// `subject`, `text` or `html`.
    public var part: String
    /// The text before (nil: the part did not exist).
    public var before: String?
    /// The text after (nil: the part was removed).
    public var after: String?
    /// Who.
    public var user: UserID
    /// When.
    public var at: Date

    /// Makes a revision.
    public init(template: String, language: String, part: String, before: String?, after: String?, user: UserID,
                at: Date) {
        self.template = template
        self.language = language
        self.part = part
        self.before = before
        self.after = after
        self.user = user
        self.at = at
    }
}

/// One line of the configuration history.
public struct ConfigurationChange: Sendable, Hashable {
    /// `scenario_step` or `template`.
    public var entity: String
    /// What changed: `<scenario name> #<position>` or `<template>/<language>.<part>`.
    public var subject: String
    /// Before (a step as `+7d email automatic`, a template part's text).
    public var before: String?
    /// After.
    public var after: String?
    /// Who.
    public var user: UserID
    /// When.
    public var at: Date
}
