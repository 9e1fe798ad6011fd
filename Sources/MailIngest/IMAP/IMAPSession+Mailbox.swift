import Foundation
import CLibEtpan

extension IMAPSession {
    /// SELECT, or EXAMINE when `readOnly`, with `(CONDSTORE)` when the server offers it (RFC 7162 section 3.1.8) so
    /// HIGHESTMODSEQ comes back.
    public func select(_ mailbox: String, readOnly: Bool) throws(IMAPError) -> IMAPMailboxStatus {
        var modSeq: UInt64 = 0
        let condstore = capabilities.contains("CONDSTORE")
        try run(readOnly ? "EXAMINE" : "SELECT") {
            switch (readOnly, condstore) {
            case (false, true): mailimap_select_condstore(imap, mailbox, &modSeq)
            case (true, true): mailimap_examine_condstore(imap, mailbox, &modSeq)
            case (false, false): mailimap_select(imap, mailbox)
            case (true, false): mailimap_examine(imap, mailbox)
            }
        }
        selected = mailbox
        guard let info = imap.pointee.imap_selection_info?.pointee else {
            throw IMAPError.command(name: "SELECT", response: "no selection data")
        }
        existsAtSelect = info.sel_exists
        return IMAPMailboxStatus(uidValidity: info.sel_uidvalidity,
                                 uidNext: info.sel_uidnext == 0 ? nil : info.sel_uidnext,
                                 highestModSeq: condstore && modSeq != 0 ? modSeq : nil,
                                 messageCount: Int(info.sel_exists))
    }

    /// `UID SEARCH UID first:*` (RFC 9051 section 6.4.4), ascending.
    public func searchUIDs(from first: UInt32) throws(IMAPError) -> [UInt32] {
        guard let set = mailimap_set_new_interval(max(first, 1), 0),
              let key = mailimap_search_key_new_uid(set) else {
            throw IMAPError.command(name: "UID SEARCH", response: "out of memory")
        }
        defer { mailimap_search_key_free(key) }
        var result: UnsafeMutablePointer<clist>? = nil
        try run("UID SEARCH") { mailimap_uid_search(imap, nil, key, &result) }
        defer { if let result { mailimap_search_result_free(result) } }
        return CList(result).map { $0.load(as: UInt32.self) }.sorted()
    }

    /// One `UID FETCH uids (UID INTERNALDATE RFC822.SIZE BODY.PEEK[])` (RFC 9051 section 6.4.5); results ascending.
    public func fetch(uids: [UInt32]) throws(IMAPError) -> [IMAPFetchedMessage] {
        guard !uids.isEmpty else { return [] }
        let set = try UIDSet.make(uids)
        defer { mailimap_set_free(set) }
        guard let fetchType = mailimap_fetch_type_new_fetch_att_list_empty() else {
            throw IMAPError.command(name: "UID FETCH", response: "out of memory")
        }
        defer { mailimap_fetch_type_free(fetchType) }
        mailimap_fetch_type_new_fetch_att_list_add(fetchType, mailimap_fetch_att_new_uid())
        mailimap_fetch_type_new_fetch_att_list_add(fetchType, mailimap_fetch_att_new_internaldate())
        mailimap_fetch_type_new_fetch_att_list_add(fetchType, mailimap_fetch_att_new_rfc822_size())
        mailimap_fetch_type_new_fetch_att_list_add(fetchType, mailimap_fetch_att_new_body_peek_section(mailimap_section_new(nil)))
        var result: UnsafeMutablePointer<clist>? = nil
        try run("UID FETCH") { mailimap_uid_fetch(imap, set, fetchType, &result) }
        defer { if let result { mailimap_fetch_list_free(result) } }
        var messages: [IMAPFetchedMessage] = []
        messages.reserveCapacity(uids.count)
        for pointer in CList(result) {
            if let message = Self.message(from: pointer.assumingMemoryBound(to: mailimap_msg_att.self)) {
                messages.append(message)
            }
        }
        return messages.sorted { $0.uid < $1.uid }
    }

    /// `UID STORE uids +FLAGS.SILENT (flags)` (RFC 9051 section 6.4.6).
    public func addFlags(_ flags: [String], uids: [UInt32]) throws(IMAPError) {
        guard !uids.isEmpty, !flags.isEmpty else { return }
        let set = try UIDSet.make(uids)
        defer { mailimap_set_free(set) }
        guard let list = UIDSet.flagList(flags),
              let store = mailimap_store_att_flags_new_add_flags_silent(list) else {
            throw IMAPError.command(name: "UID STORE", response: "invalid flags")
        }
        defer { mailimap_store_att_flags_free(store) }
        try run("UID STORE") { mailimap_uid_store(imap, set, store) }
    }

    /// UID MOVE (RFC 6851) when offered; else UID COPY, `+FLAGS.SILENT (\Deleted)` and UID EXPUNGE (RFC 4315) of
    /// exactly these UIDs. Without UIDPLUS the originals stay marked `\Deleted` (a plain EXPUNGE could remove other
    /// users' deletions).
    public func move(uids: [UInt32], to mailbox: String) throws(IMAPError) {
        guard !uids.isEmpty else { return }
        let set = try UIDSet.make(uids)
        defer { mailimap_set_free(set) }
        if capabilities.contains("MOVE") {
            try run("UID MOVE") { mailimap_uid_move(imap, set, mailbox) }
            return
        }
        try run("UID COPY") { mailimap_uid_copy(imap, set, mailbox) }
        try addFlags(["\\Deleted"], uids: uids)
        if capabilities.contains("UIDPLUS") {
            try run("UID EXPUNGE") { mailimap_uid_expunge(imap, set) }
        }
    }

    private static func message(from att: UnsafeMutablePointer<mailimap_msg_att>) -> IMAPFetchedMessage? {
        var uid: UInt32 = 0
        var raw: Data?
        var date: Date?
        var size: Int?
        for pointer in CList(att.pointee.att_list) {
            let item = pointer.assumingMemoryBound(to: mailimap_msg_att_item.self).pointee
            guard Int(item.att_type) == Int(MAILIMAP_MSG_ATT_ITEM_STATIC),
                  let value = item.att_data.att_static?.pointee else { continue }
            switch Int(value.att_type) {
            case Int(MAILIMAP_MSG_ATT_UID):
                uid = value.att_data.att_uid
            case Int(MAILIMAP_MSG_ATT_INTERNALDATE):
                date = value.att_data.att_internal_date.flatMap { UIDSet.date(from: $0.pointee) }
            case Int(MAILIMAP_MSG_ATT_RFC822_SIZE):
                size = Int(value.att_data.att_rfc822_size)
            case Int(MAILIMAP_MSG_ATT_BODY_SECTION):
                if let section = value.att_data.att_body_section?.pointee {
                    raw = section.sec_body_part.map { Data(bytes: $0, count: section.sec_length) } ?? Data()
                }
            default:
                continue
            }
        }
        guard uid != 0, let raw else { return nil }
        return IMAPFetchedMessage(uid: uid, raw: raw, internalDate: date, size: size)
    }
}
