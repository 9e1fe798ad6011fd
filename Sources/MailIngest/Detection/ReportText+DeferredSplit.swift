/// The returned-copy split done only as far as a reader needs it: ``KindDetector`` builds its ``ReportText`` with
/// the split deferred, and on a plain reply only the auto-reply test reads the notice, through ``ownText()``, which
/// searches for the copy's marker in the few lines that rule reads instead of the whole text.
extension ReportText {
    /// True when no report test can tell ``notice`` before the split from the notice after it, other than through
    /// the wording of a delivery-system notice (``BounceSignals/isBounce(_:)`` splits before reading it): `text`
    /// holds no SES key (``SESNotification/parse(_:)``), no Final-Recipient or Feedback-Type field name
    /// (``dashFields(_:)``) and no ``hmxmRecipientField`` (which ``FeedbackReport/isFeedback(_:)`` seeks in the
    /// returned headers, the copy included). Each is absent from the notice and from the copy when it is absent from
    /// the whole text they are cut from.
    static func splitIsDeferrable(_ text: String) -> Bool {
        let names = dashNames(text)
        return !names.finalRecipient && !names.feedbackType && !names.hmxmRecipient
            && !SESNotification.notificationType.occurs(in: text)
    }

    /// ``AutoReplyDetector/ownText(_:)`` of ``notice``. Before the split, the rule's byte walk runs on the whole text
    /// and its answer stands when no line it read is a marker line: the notice then holds those same lines, and
    /// more text after them (a marker line is not empty), which the walk does not read. Otherwise (a marker among
    /// them, or the character rule deciding) the text is split first.
    mutating func ownText() -> String {
        if !isSplit {
            var text = notice
            if let (own, extent) = AutoReplyDetector.ownTextAndExtent(text),
               text.withUTF8({ Self.firstMarkerLine(UnsafeBufferPointer(rebasing: $0[..<extent])) }) == nil {
                return own
            }
            split()
        }
        return AutoReplyDetector.ownText(notice)
    }
}
